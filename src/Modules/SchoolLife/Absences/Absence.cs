using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Platform.Tenancy;

namespace Preau.SchoolLife.Absences;

/// <summary>What the roll call noted for a pupil who was not simply present.</summary>
internal enum AttendanceKind
{
    /// <summary>Absent.</summary>
    Absent,

    /// <summary>En retard.</summary>
    Late,
}

/// <summary>Where an absence's justification stands.</summary>
internal enum JustificationState
{
    /// <summary>No reason given yet: the family is asked for one.</summary>
    Missing,

    /// <summary>Given by the family, waiting for school-life staff.</summary>
    Pending,

    /// <summary>Accepted by school-life staff.</summary>
    Accepted,

    /// <summary>Refused by school-life staff, with a reason given to the family.</summary>
    Refused,
}

/// <summary>
/// The reasons a family may give. The first five are the legitimate reasons of the Code de l’éducation
/// (art. L131-8); school-life staff judge the others.
/// </summary>
internal enum AbsenceReason
{
    Illness,
    FamilyIllness,
    FamilyEvent,
    TransportDifficulty,
    TravellingWithGuardians,
    MedicalAppointment,
    Other,
}

/// <summary>The French labels of <see cref="AbsenceReason"/>.</summary>
internal static class AbsenceReasons
{
    public static string Label(AbsenceReason reason) => reason switch
    {
        AbsenceReason.Illness => Platform.Localization.Text.Fr("Maladie de l’enfant"),
        AbsenceReason.FamilyIllness => Platform.Localization.Text.Fr("Maladie contagieuse d’un membre de la famille"),
        AbsenceReason.FamilyEvent => Platform.Localization.Text.Fr("Réunion solennelle de famille"),
        AbsenceReason.TransportDifficulty => Platform.Localization.Text.Fr("Difficulté accidentelle de transport"),
        AbsenceReason.TravellingWithGuardians => Platform.Localization.Text.Fr("Déplacement avec les responsables"),
        AbsenceReason.MedicalAppointment => Platform.Localization.Text.Fr("Rendez-vous médical"),
        _ => Platform.Localization.Text.Fr("Autre motif"),
    };
}

/// <summary>Morning or afternoon: absences are counted in half-days (Code de l’éducation, L131-8).</summary>
internal enum HalfDay
{
    Morning,
    Afternoon,
}

/// <summary>A roll call: one teacher, one class or group, one session. Saving it again updates it.</summary>
internal sealed class RollCall : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid SchoolId { get; init; }

    public Guid ClassGroupId { get; init; }

    public DateOnly Date { get; init; }

    public TimeOnly StartsAt { get; init; }

    public Guid TakenById { get; set; }

    public DateTime TakenAt { get; init; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Checked on save: two people saving the same roll call from stale pages cannot overwrite each other.</summary>
    public int Version { get; set; }
}

/// <summary>A pupil absent or late at a session, with the family's justification and the school's decision.</summary>
internal sealed class Absence : ITerritoryOwned
{
    public const int CommentMaxLength = 1_000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid SchoolId { get; init; }

    public Guid ClassGroupId { get; init; }

    public Guid? RollCallId { get; init; }

    public Guid PupilId { get; init; }

    public DateOnly Date { get; init; }

    public TimeOnly StartsAt { get; init; }

    public HalfDay HalfDay { get; init; }

    public AttendanceKind Kind { get; set; }

    public int? LateMinutes { get; set; }

    public Guid RecordedById { get; set; }

    public DateTime RecordedAt { get; init; }

    /// <summary>When the guardians were notified (null until the school's delay has passed).</summary>
    public DateTime? NotifiedAt { get; set; }

    public JustificationState State { get; set; }

    public AbsenceReason? Reason { get; set; }

    public string? Comment { get; set; }

    public string? DocumentKey { get; set; }

    public string? DocumentContentType { get; set; }

    public Guid? JustifiedById { get; set; }

    public DateTime? JustifiedAt { get; set; }

    public Guid? ReviewedById { get; set; }

    public DateTime? ReviewedAt { get; set; }

    /// <summary>Why school-life staff refused the justification, shown to the family.</summary>
    public string? RefusalReason { get; set; }

    public int Version { get; set; }

    /// <summary>Whether the family may (still) give a reason: missing, or refused and given again.</summary>
    public bool CanBeJustified => State is JustificationState.Missing or JustificationState.Refused;

    /// <summary>Counted as unjustified for the legal threshold: no reason, or a reason refused (L131-8).</summary>
    public bool IsUnjustified => State is JustificationState.Missing or JustificationState.Refused;

    /// <summary>The half-day of a session: before noon is the morning.</summary>
    public static HalfDay HalfDayOf(TimeOnly startsAt) => startsAt < new TimeOnly(12, 0) ? HalfDay.Morning : HalfDay.Afternoon;

    public void Justify(AbsenceReason reason, string? comment, string? documentKey, string? documentContentType, Guid guardianId, DateTime now)
    {
        State = JustificationState.Pending;
        Reason = reason;
        Comment = comment;
        DocumentKey = documentKey;
        DocumentContentType = documentContentType;
        JustifiedById = guardianId;
        JustifiedAt = now;
        ReviewedById = null;
        ReviewedAt = null;
        RefusalReason = null;
        Version++;
    }

    public void Review(bool accept, string? refusalReason, Guid reviewerId, DateTime now)
    {
        State = accept ? JustificationState.Accepted : JustificationState.Refused;
        RefusalReason = accept ? null : refusalReason;
        ReviewedById = reviewerId;
        ReviewedAt = now;
        Version++;
    }
}

/// <summary>An absence announced in advance by a guardian ("Léa sera absente jeudi"): the roll call shows it.</summary>
internal sealed class AbsenceNotice : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid SchoolId { get; init; }

    public Guid PupilId { get; init; }

    public DateOnly FromDate { get; init; }

    public DateOnly ToDate { get; init; }

    public AbsenceReason Reason { get; init; }

    public string? Comment { get; init; }

    public Guid AnnouncedById { get; init; }

    public DateTime AnnouncedAt { get; init; }

    public bool Covers(DateOnly day) => day >= FromDate && day <= ToDate;
}

internal sealed class RollCallConfiguration : IEntityTypeConfiguration<RollCall>
{
    public void Configure(EntityTypeBuilder<RollCall> e)
    {
        e.ToTable("roll_calls");
        e.Property(r => r.Version).IsConcurrencyToken();
        // One roll call per group and session: a second save updates it (and two first saves at once collide here).
        e.HasIndex(r => new { r.ClassGroupId, r.Date, r.StartsAt }).IsUnique();
    }
}

internal sealed class AbsenceConfiguration : IEntityTypeConfiguration<Absence>
{
    public void Configure(EntityTypeBuilder<Absence> e)
    {
        e.ToTable("absences");
        e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(10);
        e.Property(a => a.HalfDay).HasConversion<string>().HasMaxLength(10);
        e.Property(a => a.State).HasConversion<string>().HasMaxLength(10);
        e.Property(a => a.Reason).HasConversion<string>().HasMaxLength(30);
        e.Property(a => a.Comment).HasMaxLength(Absence.CommentMaxLength);
        e.Property(a => a.RefusalReason).HasMaxLength(Absence.CommentMaxLength);
        e.Property(a => a.DocumentKey).HasMaxLength(64);
        e.Property(a => a.DocumentContentType).HasMaxLength(100);
        e.Property(a => a.Version).IsConcurrencyToken();
        e.HasOne<RollCall>().WithMany().HasForeignKey(a => a.RollCallId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(a => new { a.RollCallId, a.PupilId }).IsUnique();
        // A pupil's absences over a period, and the family's "to justify" section.
        e.HasIndex(a => new { a.PupilId, a.Date });
        // School-life staff: statistics over a period and justifications waiting for them.
        e.HasIndex(a => new { a.SchoolId, a.Date });
        e.HasIndex(a => new { a.SchoolId, a.State });
    }
}

internal sealed class AbsenceNoticeConfiguration : IEntityTypeConfiguration<AbsenceNotice>
{
    public void Configure(EntityTypeBuilder<AbsenceNotice> e)
    {
        e.ToTable("absence_notices");
        e.Property(n => n.Reason).HasConversion<string>().HasMaxLength(30);
        e.Property(n => n.Comment).HasMaxLength(Absence.CommentMaxLength);
        e.HasIndex(n => new { n.PupilId, n.ToDate });
        e.HasIndex(n => new { n.SchoolId, n.FromDate });
    }
}
