using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Platform.Tenancy;

namespace Preau.SchoolLife.Settings;

/// <summary>How a school cuts its year for marks and reports.</summary>
internal enum PeriodKind
{
    /// <summary>Trimestres (the usual choice of collèges and écoles).</summary>
    Trimesters,

    /// <summary>Semestres.</summary>
    Semesters,
}

/// <summary>
/// The per-school choices of the liaison notebook, absences and assessments. A school without a row
/// uses <see cref="Defaults"/>; the head changes them on /vie-scolaire/reglages.
/// </summary>
internal sealed class SchoolLifeSettings : ITerritoryOwned
{
    /// <summary>The legal alert threshold: four unjustified half-days in a month (Code de l’éducation, L131-8).</summary>
    public const int LegalMonthlyThreshold = 4;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid SchoolId { get; init; }

    /// <summary>Minutes between the roll call and the family's notice, to let a teacher correct a mistake.</summary>
    public int AbsenceNoticeDelayMinutes { get; set; } = 30;

    /// <summary>Unjustified half-days in one calendar month from which a pupil is listed for school-life staff.</summary>
    public int MonthlyAlertThreshold { get; set; } = LegalMonthlyThreshold;

    public PeriodKind PeriodKind { get; set; } = PeriodKind.Trimesters;

    /// <summary>
    /// Guardians without parental authority keep the right to be informed of the child's schooling
    /// (Code civil, art. 373-2-1; Code de l’éducation, D111-1): by default they see everything, and only
    /// answering an authorization is reserved to holders of parental authority. A school may narrow it
    /// when a court decision says so.
    /// </summary>
    public bool NonCustodialSeeNotes { get; set; } = true;

    public bool NonCustodialSeeAbsences { get; set; } = true;

    public bool NonCustodialSeeAssessments { get; set; } = true;

    /// <summary>The settings of a school that has not changed any.</summary>
    public static SchoolLifeSettings Defaults(Guid schoolId) => new() { SchoolId = schoolId };
}

internal sealed class SchoolLifeSettingsConfiguration : IEntityTypeConfiguration<SchoolLifeSettings>
{
    public void Configure(EntityTypeBuilder<SchoolLifeSettings> e)
    {
        e.ToTable("schoollife_school_settings");
        e.Property(s => s.PeriodKind).HasConversion<string>().HasMaxLength(20);
        e.HasIndex(s => s.SchoolId).IsUnique();
    }
}
