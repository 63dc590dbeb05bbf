using Preau.Platform.Tenancy;

namespace Preau.SchoolLife.Timetable;

/// <summary>Which weeks a slot takes place: every week, or only in week A or week B of the school's alternation.</summary>
internal enum WeekPattern
{
    /// <summary>Toutes les semaines.</summary>
    Every,

    /// <summary>Semaine A.</summary>
    A,

    /// <summary>Semaine B.</summary>
    B,
}

/// <summary>A recurring lesson of a class or group's weekly timetable.</summary>
internal sealed class TimetableSlot : ITerritoryOwned
{
    /// <summary>Longest subject name.</summary>
    public const int SubjectMaxLength = 100;

    /// <summary>Longest room name.</summary>
    public const int RoomMaxLength = 50;

    /// <summary>The earliest and latest times a lesson may use (a school day, with some margin).</summary>
    public static readonly TimeOnly DayStartsAt = new(7, 0);

    /// <inheritdoc cref="DayStartsAt"/>
    public static readonly TimeOnly DayEndsAt = new(20, 0);

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid SchoolId { get; init; }

    public Guid SchoolYearId { get; init; }

    public Guid ClassGroupId { get; init; }

    /// <summary>Monday to Friday.</summary>
    public DayOfWeek Day { get; set; }

    public TimeOnly StartsAt { get; set; }

    public TimeOnly EndsAt { get; set; }

    public required string Subject { get; set; }

    /// <summary>The teacher; null when unknown or once the account was erased.</summary>
    public Guid? TeacherId { get; set; }

    public string? Room { get; set; }

    public WeekPattern Weeks { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Whether two slots of the same day overlap in time and share at least one week.</summary>
    public bool Overlaps(DayOfWeek day, TimeOnly startsAt, TimeOnly endsAt, WeekPattern weeks) =>
        Day == day && StartsAt < endsAt && startsAt < EndsAt && (Weeks == WeekPattern.Every || weeks == WeekPattern.Every || Weeks == weeks);
}

/// <summary>
/// A change to one occurrence of a slot, on one date: cancelled, or held at another time, day or room,
/// or by a replacement teacher. The slot itself stays as it is for the other weeks.
/// </summary>
internal sealed class TimetableChange : ITerritoryOwned
{
    /// <summary>Longest note shown to families ("Sortie au musée", "Professeur absent").</summary>
    public const int NoteMaxLength = 300;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid SchoolId { get; init; }

    public Guid ClassGroupId { get; init; }

    public Guid SlotId { get; init; }

    /// <summary>The date the lesson was planned on.</summary>
    public DateOnly LessonOn { get; init; }

    public bool IsCancelled { get; set; }

    /// <summary>The day it is moved to, when moved to another day.</summary>
    public DateOnly? MovedTo { get; set; }

    public TimeOnly? NewStartsAt { get; set; }

    public TimeOnly? NewEndsAt { get; set; }

    public string? NewRoom { get; set; }

    public Guid? ReplacementTeacherId { get; set; }

    public string? Note { get; set; }

    public Guid? AuthorId { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The day the lesson actually takes place (when not cancelled).</summary>
    public DateOnly HeldOn => MovedTo ?? LessonOn;
}

/// <summary>
/// A school's settings for its timetable and homework log: the A/B week alternation, and what guardians
/// without parental authority see. A school without a row has the defaults.
/// </summary>
internal sealed class ScheduleSettings : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid SchoolId { get; init; }

    /// <summary>A Monday of a week A; by default the week of the first day of the school year.</summary>
    public DateOnly? WeekAReference { get; set; }

    /// <summary>Whether weeks without school (holidays) are skipped by the alternation, as most schools do.</summary>
    public bool AlternationSkipsHolidays { get; set; } = true;

    /// <summary>Whether guardians without parental authority see the homework log (yes by default).</summary>
    public bool GuardiansWithoutAuthoritySeeHomework { get; set; } = true;

    /// <summary>Whether guardians without parental authority see the timetable (yes by default).</summary>
    public bool GuardiansWithoutAuthoritySeeTimetable { get; set; } = true;

    public DateTime UpdatedAt { get; set; }
}
