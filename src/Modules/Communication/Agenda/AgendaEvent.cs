using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.Communication.Agenda;

/// <summary>Whose event it is.</summary>
internal enum EventScope
{
    Class,
    School,
    Territory,
}

/// <summary>What kind of event, for its label and filters.</summary>
internal enum EventCategory
{
    SchoolOuting,
    ParentMeeting,
    SchoolCouncil,
    AfterSchool,
    TownEvent,
    Other,
}

/// <summary>
/// An event of a class, a school or the territory, with an optional reminder and optional sign-up
/// slots (parent–teacher meetings). Instants are UTC; the territory's zone is used to show them.
/// </summary>
internal sealed class AgendaEvent : ITerritoryOwned
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int LocationMaxLength = 200;

    /// <summary>Reminder delays offered, in minutes (1 hour, 1 day, 2 days, 1 week).</summary>
    public static readonly IReadOnlyList<int> ReminderChoices = [60, 24 * 60, 2 * 24 * 60, 7 * 24 * 60];

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public EventScope Scope { get; set; }

    public Guid? SchoolId { get; set; }

    public Guid? ClassGroupId { get; set; }

    public EventCategory Category { get; set; }

    public required string Title { get; set; }

    /// <summary>Plain text.</summary>
    public string? Description { get; set; }

    public string? Location { get; set; }

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    /// <summary>Shown on the public page and in the public calendar feed.</summary>
    public bool IsPublic { get; set; }

    public Guid OrganizerId { get; init; }

    /// <summary>Minutes before the start when the audience (or the booked families) are reminded.</summary>
    public int? ReminderMinutes { get; set; }

    /// <summary>Families sign up and cancel until then (for events with slots).</summary>
    public DateTime? SignUpDeadline { get; set; }

    /// <summary>One slot per family (per child concerned) for this event.</summary>
    public bool OneSlotPerFamily { get; set; }

    public DateTime? CancelledAt { get; set; }

    /// <summary>Incremented at every change: the iCalendar SEQUENCE, and the reminder that is still due.</summary>
    public int Sequence { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }

    public static string? CheckWindow(DateTime startsAt, DateTime endsAt, DateTime now)
    {
        if (endsAt <= startsAt)
        {
            return Fr("La fin de l’événement doit être postérieure à son début.");
        }

        if (endsAt - startsAt > TimeSpan.FromDays(31))
        {
            return Fr("Un événement dure au plus 31 jours.");
        }

        if (startsAt < now.AddYears(-1) || startsAt > now.AddYears(2))
        {
            return Fr("La date de l’événement doit être comprise entre l’an dernier et les deux ans qui viennent.");
        }

        return null;
    }

    public static string? CheckDeadline(DateTime? deadline, DateTime startsAt) =>
        deadline is { } d && d > startsAt ? Fr("La date limite d’inscription doit précéder le début de l’événement.") : null;

    /// <summary>When the reminder is due, or null without one (or when it would be in the past).</summary>
    public DateTime? ReminderDueAt(DateTime now) =>
        ReminderMinutes is { } minutes && CancelledAt is null && StartsAt.AddMinutes(-minutes) > now ? StartsAt.AddMinutes(-minutes) : null;
}

/// <summary>A sign-up slot of an event: one family per slot.</summary>
internal sealed class EventSlot : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid EventId { get; init; }

    public DateTime StartsAt { get; init; }

    public DateTime EndsAt { get; init; }
}

/// <summary>
/// A family's booking of a slot. A unique index on the slot makes "one family per slot" hold under
/// concurrent sign-ups; a unique index on (event, family key) does the same for "one slot per family".
/// </summary>
internal sealed class SlotBooking : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid EventId { get; init; }

    public Guid SlotId { get; init; }

    public Guid GuardianId { get; init; }

    /// <summary>The child the meeting is about.</summary>
    public Guid PupilId { get; init; }

    /// <summary>The child's id when the event allows one slot per family, else null (nulls never collide).</summary>
    public Guid? FamilyKey { get; init; }

    public DateTime CreatedAt { get; init; }
}

/// <summary>A person's secret address for their private calendar feed.</summary>
internal sealed class CalendarFeedToken : ITerritoryOwned
{
    public Guid AccountId { get; init; }

    public Guid TerritoryId { get; init; }

    /// <summary>43 URL-safe characters (256 random bits); reset by its holder at will.</summary>
    public required string Token { get; set; }

    public DateTime CreatedAt { get; set; }
}
