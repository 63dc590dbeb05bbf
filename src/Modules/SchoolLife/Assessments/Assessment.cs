using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Platform.Tenancy;

namespace Preau.SchoolLife.Assessments;

/// <summary>The status of one pupil's mark.</summary>
internal enum MarkStatus
{
    /// <summary>Noté.</summary>
    Graded,

    /// <summary>Absent : excluded from averages.</summary>
    Absent,

    /// <summary>Dispensé : excluded from averages.</summary>
    Exempt,

    /// <summary>Non noté (copie non rendue, non évalué) : excluded from averages.</summary>
    NotGraded,
}

/// <summary>A secondary-school assessment (devoir, contrôle): one class or group, one subject, one scale.</summary>
internal sealed class Assessment : ITerritoryOwned
{
    public const int TitleMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid SchoolId { get; init; }

    public Guid ClassGroupId { get; init; }

    public Guid TeacherId { get; init; }

    /// <summary>From the teacher's teaching assignment of the group ("Mathématiques").</summary>
    public required string Subject { get; init; }

    public required string Title { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>Marks are out of this (20, 10, 5…).</summary>
    public decimal Scale { get; set; }

    public decimal Coefficient { get; set; }

    /// <summary>Marks are visible to pupils and families from this instant; null while the teacher prepares them.</summary>
    public DateTime? PublishedAt { get; set; }

    public DateTime CreatedAt { get; init; }

    public int Version { get; set; }
}

/// <summary>One pupil's mark at one assessment.</summary>
internal sealed class Mark : ITerritoryOwned
{
    public const int CommentMaxLength = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid AssessmentId { get; init; }

    public Guid PupilId { get; init; }

    public MarkStatus Status { get; set; }

    /// <summary>Out of the assessment's scale; only for <see cref="MarkStatus.Graded"/>.</summary>
    public decimal? Value { get; set; }

    public string? Comment { get; set; }
}

/// <summary>A teacher's appreciation of a pupil in a subject for a period (bulletin).</summary>
internal sealed class SubjectAppreciation : ITerritoryOwned
{
    public const int TextMaxLength = 1_000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid ClassGroupId { get; init; }

    public Guid PupilId { get; init; }

    public required string Subject { get; init; }

    public int Period { get; init; }

    public Guid TeacherId { get; set; }

    public required string Text { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> e)
    {
        e.ToTable("assessments");
        e.Property(a => a.Subject).HasMaxLength(100);
        e.Property(a => a.Title).HasMaxLength(Assessment.TitleMaxLength);
        e.Property(a => a.Scale).HasPrecision(6, 2);
        e.Property(a => a.Coefficient).HasPrecision(6, 2);
        e.Property(a => a.Version).IsConcurrencyToken();
        e.HasIndex(a => new { a.ClassGroupId, a.Date });
        e.HasIndex(a => new { a.TeacherId, a.Date });
        // The homes' "new marks": the week's published assessments of the children's groups.
        e.HasIndex(a => new { a.ClassGroupId, a.PublishedAt });
    }
}

internal sealed class MarkConfiguration : IEntityTypeConfiguration<Mark>
{
    public void Configure(EntityTypeBuilder<Mark> e)
    {
        e.ToTable("marks");
        e.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
        e.Property(m => m.Value).HasPrecision(6, 2);
        e.Property(m => m.Comment).HasMaxLength(Mark.CommentMaxLength);
        e.HasOne<Assessment>().WithMany().HasForeignKey(m => m.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(m => new { m.AssessmentId, m.PupilId }).IsUnique();
        e.HasIndex(m => m.PupilId);
    }
}

internal sealed class SubjectAppreciationConfiguration : IEntityTypeConfiguration<SubjectAppreciation>
{
    public void Configure(EntityTypeBuilder<SubjectAppreciation> e)
    {
        e.ToTable("subject_appreciations");
        e.Property(a => a.Subject).HasMaxLength(100);
        e.Property(a => a.Text).HasMaxLength(SubjectAppreciation.TextMaxLength);
        e.HasIndex(a => new { a.PupilId, a.Period, a.ClassGroupId, a.Subject }).IsUnique();
        e.HasIndex(a => new { a.ClassGroupId, a.Period });
    }
}
