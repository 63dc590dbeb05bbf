using Preau.Platform.Tenancy;

namespace Preau.SchoolLife.Homework;

/// <summary>
/// One session of a class's homework log (cahier de textes): what was done in class and, optionally,
/// the work to do for a day. Prepared in advance, it stays hidden from families until
/// <see cref="PublishAt"/>. The log is a school record: it outlives its author's account.
/// </summary>
internal sealed class HomeworkEntry : ITerritoryOwned
{
    /// <summary>Longest subject name.</summary>
    public const int SubjectMaxLength = 100;

    /// <summary>Longest estimated duration, in minutes (an evening's work at most).</summary>
    public const int MaxEstimatedMinutes = 240;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid SchoolId { get; init; }

    public Guid SchoolYearId { get; init; }

    public Guid ClassGroupId { get; init; }

    /// <summary>The teacher (or head) who wrote it; null once that account was erased.</summary>
    public Guid? AuthorId { get; set; }

    /// <summary>"Mathématiques", "Français".</summary>
    public required string Subject { get; set; }

    /// <summary>The day of the session.</summary>
    public DateOnly SessionOn { get; set; }

    /// <summary>The start of the session in the timetable, when the entry was written from it.</summary>
    public TimeOnly? SessionStartsAt { get; set; }

    /// <summary>What was done, sanitised HTML (may be empty when only work is given).</summary>
    public string LessonHtml { get; set; } = string.Empty;

    /// <summary>The work to do, sanitised HTML; empty when the session gives none.</summary>
    public string WorkHtml { get; set; } = string.Empty;

    /// <summary>The school day the work is due, when there is work.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>How long the work should take, in minutes.</summary>
    public int? EstimatedMinutes { get; set; }

    /// <summary>When families may see it (UTC).</summary>
    public DateTime PublishAt { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>When pupils and guardians were notified of its publication (notified once).</summary>
    public DateTime? NotifiedAt { get; set; }

    /// <summary>Whether the session gives work to do.</summary>
    public bool HasWork => DueOn is not null;

    /// <summary>Families see an entry from its publication on; staff see it at once.</summary>
    public bool IsPublished(DateTime now) => PublishAt <= now;
}

/// <summary>Which part of a session a file belongs to.</summary>
internal enum AttachmentPart
{
    /// <summary>A document of the lesson.</summary>
    Lesson,

    /// <summary>A document of the work to do.</summary>
    Work,
}

/// <summary>A file attached to a homework entry, stored in <see cref="Platform.Files.IFileStore"/>.</summary>
internal sealed class HomeworkAttachment : ITerritoryOwned
{
    /// <summary>Longest file name kept.</summary>
    public const int FileNameMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid EntryId { get; init; }

    public AttachmentPart Part { get; init; }

    /// <summary>The store's key (never a path or a name chosen by the user).</summary>
    public required string FileKey { get; init; }

    /// <summary>The name shown and offered when downloading.</summary>
    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public long Size { get; init; }

    public DateTime CreatedAt { get; init; }
}

/// <summary>A pupil's "done" mark on a piece of work; the guardians see it, the teacher counts them.</summary>
internal sealed class HomeworkDone : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid EntryId { get; init; }

    public Guid PupilId { get; init; }

    public DateTime DoneAt { get; init; }
}

/// <summary>
/// When an account last opened a pupil's homework (the pupil their own, a guardian each child's):
/// what was published or changed since is marked "new".
/// </summary>
internal sealed class HomeworkVisit : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid AccountId { get; init; }

    public Guid PupilId { get; init; }

    public DateTime LastVisitAt { get; set; }
}
