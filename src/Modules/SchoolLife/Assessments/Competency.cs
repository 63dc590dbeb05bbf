using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Platform.Tenancy;

namespace Preau.SchoolLife.Assessments;

/// <summary>The four levels of mastery of the livret scolaire (arrêté du 31 décembre 2015, annexe).</summary>
internal enum MasteryLevel
{
    /// <summary>Objectifs d’apprentissage non atteints.</summary>
    NotAchieved = 1,

    /// <summary>Partiellement atteints.</summary>
    PartiallyAchieved = 2,

    /// <summary>Atteints.</summary>
    Achieved = 3,

    /// <summary>Dépassés.</summary>
    Exceeded = 4,
}

/// <summary>The French labels of <see cref="MasteryLevel"/>.</summary>
internal static class MasteryLevels
{
    public static readonly IReadOnlyList<MasteryLevel> All = [MasteryLevel.NotAchieved, MasteryLevel.PartiallyAchieved, MasteryLevel.Achieved, MasteryLevel.Exceeded];

    public static string Label(MasteryLevel level) => level switch
    {
        MasteryLevel.NotAchieved => Platform.Localization.Text.Fr("Non atteint"),
        MasteryLevel.PartiallyAchieved => Platform.Localization.Text.Fr("Partiellement atteint"),
        MasteryLevel.Achieved => Platform.Localization.Text.Fr("Atteint"),
        _ => Platform.Localization.Text.Fr("Dépassé"),
    };
}

/// <summary>
/// A competency of the official curriculum (cycles 1 to 3), imported by the territory's administrator
/// from a CSV file (docs/curriculum.md): data, not code, so a new curriculum is an import.
/// </summary>
internal sealed class Competency : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    /// <summary>1 (maternelle), 2 (CP–CE2) or 3 (CM1–6e).</summary>
    public int Cycle { get; init; }

    /// <summary>Stable code from the file ("C3-FR-01"): re-importing updates the row with the same code.</summary>
    public required string Code { get; init; }

    public required string Domain { get; set; }

    public required string Label { get; set; }

    public int Order { get; set; }

    /// <summary>Removed from the curriculum by a later import: kept for past assessments, no longer offered.</summary>
    public bool IsRetired { get; set; }
}

/// <summary>A teacher's assessment of one pupil on one competency, on one day.</summary>
internal sealed class CompetencyAssessment : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid ClassGroupId { get; init; }

    public Guid PupilId { get; init; }

    public Guid CompetencyId { get; init; }

    public MasteryLevel Level { get; set; }

    public DateOnly AssessedOn { get; set; }

    public Guid TeacherId { get; set; }
}

/// <summary>
/// A primary school's periodic report (livret scolaire, bilan périodique) of one pupil: the teacher's
/// appreciation for a period, shared with the family, who acknowledge it.
/// </summary>
internal sealed class PeriodReport : ITerritoryOwned
{
    public const int AppreciationMaxLength = 2_000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid SchoolId { get; init; }

    public Guid ClassGroupId { get; init; }

    public Guid PupilId { get; init; }

    public int Period { get; init; }

    public required string Appreciation { get; set; }

    public Guid TeacherId { get; set; }

    public DateTime? SharedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>A guardian's acknowledgement of a periodic report.</summary>
internal sealed class PeriodReportAcknowledgement : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid ReportId { get; init; }

    public Guid GuardianId { get; init; }

    public DateTime AcknowledgedAt { get; init; }
}

internal sealed class CompetencyConfiguration : IEntityTypeConfiguration<Competency>
{
    public void Configure(EntityTypeBuilder<Competency> e)
    {
        e.ToTable("competencies");
        e.Property(c => c.Code).HasMaxLength(40);
        e.Property(c => c.Domain).HasMaxLength(200);
        e.Property(c => c.Label).HasMaxLength(500);
        e.HasIndex(c => new { c.TerritoryId, c.Code }).IsUnique();
        e.HasIndex(c => new { c.Cycle, c.Order });
    }
}

internal sealed class CompetencyAssessmentConfiguration : IEntityTypeConfiguration<CompetencyAssessment>
{
    public void Configure(EntityTypeBuilder<CompetencyAssessment> e)
    {
        e.ToTable("competency_assessments");
        e.Property(a => a.Level).HasConversion<string>().HasMaxLength(20);
        e.HasOne<Competency>().WithMany().HasForeignKey(a => a.CompetencyId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(a => new { a.PupilId, a.CompetencyId, a.AssessedOn });
        e.HasIndex(a => new { a.ClassGroupId, a.AssessedOn });
    }
}

internal sealed class PeriodReportConfiguration : IEntityTypeConfiguration<PeriodReport>
{
    public void Configure(EntityTypeBuilder<PeriodReport> e)
    {
        e.ToTable("period_reports");
        e.Property(r => r.Appreciation).HasMaxLength(PeriodReport.AppreciationMaxLength);
        e.HasIndex(r => new { r.PupilId, r.ClassGroupId, r.Period }).IsUnique();
        e.HasIndex(r => new { r.ClassGroupId, r.Period });
    }
}

internal sealed class PeriodReportAcknowledgementConfiguration : IEntityTypeConfiguration<PeriodReportAcknowledgement>
{
    public void Configure(EntityTypeBuilder<PeriodReportAcknowledgement> e)
    {
        e.ToTable("period_report_acknowledgements");
        e.HasOne<PeriodReport>().WithMany().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(a => new { a.ReportId, a.GuardianId }).IsUnique();
        e.HasIndex(a => a.GuardianId);
    }
}
