using Preau.FamilyServices.Households;
using Preau.FamilyServices.Reservations;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Services;

/// <summary>The kinds of service a town runs around its schools.</summary>
internal enum ServiceKind
{
    /// <summary>Restauration scolaire (the lunch break).</summary>
    Canteen,

    /// <summary>Accueil périscolaire du matin.</summary>
    MorningCare,

    /// <summary>Accueil périscolaire du soir (often with homework help).</summary>
    EveningCare,

    /// <summary>Étude surveillée (supervised homework after class).</summary>
    Study,

    /// <summary>Accueil de loisirs du mercredi.</summary>
    Wednesday,

    /// <summary>Accueil de loisirs pendant les vacances scolaires.</summary>
    Holidays,

    /// <summary>Atelier périscolaire (théâtre, échecs…), usually with a capacity.</summary>
    Workshop,

    /// <summary>Ligne de transport scolaire, with its stops.</summary>
    Transport,
}

/// <summary>How a service is billed (the tariffs themselves are the invoicing's).</summary>
internal enum BillingUnit
{
    /// <summary>One price per day attended or reserved (canteen).</summary>
    PerDay,

    /// <summary>One price per session (morning care, a workshop session).</summary>
    PerSession,

    /// <summary>By the hour, from the arrival and departure times recorded by the staff.</summary>
    PerHour,

    /// <summary>A flat price per month (transport).</summary>
    FlatMonthly,
}

/// <summary>What happens to a change made after the booking deadline.</summary>
internal enum LateChangePolicy
{
    /// <summary>Refused, with the reason.</summary>
    Refused,

    /// <summary>Accepted and flagged, so that invoicing applies the town's late tariff.</summary>
    AcceptedWithLateTariff,
}

/// <summary>Days of the week a service runs (flags, Monday first as in France).</summary>
[Flags]
internal enum Weekdays
{
    None = 0,
    Monday = 1 << 0,
    Tuesday = 1 << 1,
    Wednesday = 1 << 2,
    Thursday = 1 << 3,
    Friday = 1 << 4,
    Saturday = 1 << 5,
}

/// <summary>Helpers for <see cref="Weekdays"/>.</summary>
internal static class WeekdaySet
{
    public const Weekdays SchoolWeek = Weekdays.Monday | Weekdays.Tuesday | Weekdays.Thursday | Weekdays.Friday;

    public static readonly IReadOnlyList<(Weekdays Day, DayOfWeek DayOfWeek)> Ordered =
    [
        (Weekdays.Monday, DayOfWeek.Monday), (Weekdays.Tuesday, DayOfWeek.Tuesday), (Weekdays.Wednesday, DayOfWeek.Wednesday),
        (Weekdays.Thursday, DayOfWeek.Thursday), (Weekdays.Friday, DayOfWeek.Friday), (Weekdays.Saturday, DayOfWeek.Saturday),
    ];

    public static Weekdays Of(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => Weekdays.Monday,
        DayOfWeek.Tuesday => Weekdays.Tuesday,
        DayOfWeek.Wednesday => Weekdays.Wednesday,
        DayOfWeek.Thursday => Weekdays.Thursday,
        DayOfWeek.Friday => Weekdays.Friday,
        DayOfWeek.Saturday => Weekdays.Saturday,
        _ => Weekdays.None,
    };

    public static bool Contains(this Weekdays set, DayOfWeek day) => (set & Of(day)) != Weekdays.None;
}

/// <summary>
/// A service of the town for one school and one school year: the canteen, morning or evening care,
/// Wednesday and holiday activities, a workshop, a transport line. It says when it runs, how it is
/// billed, whether families book days and until when, and how many children it can take.
/// </summary>
internal sealed class Service : ITerritoryOwned
{
    public const int MaxCapacity = 10_000;
    public const int MaxDeadlineWorkingDays = 20;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid SchoolId { get; set; }

    public Guid SchoolYearId { get; set; }

    public ServiceKind Kind { get; set; }

    /// <summary>"Restauration scolaire", "Atelier théâtre (1er trimestre)".</summary>
    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>First day it runs (inside the school year).</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>Last day it runs.</summary>
    public DateOnly EndsOn { get; set; }

    public Weekdays Days { get; set; } = WeekdaySet.SchoolWeek;

    /// <summary>Runs during school holidays (holiday activities) rather than on school days.</summary>
    public bool DuringHolidays { get; set; }

    public TimeOnly? OpensAt { get; set; }

    public TimeOnly? ClosesAt { get; set; }

    public BillingUnit BillingUnit { get; set; }

    /// <summary>Families book each day (canteen, care); otherwise the registration alone is enough (transport).</summary>
    public bool RequiresReservation { get; set; } = true;

    /// <summary>The agent validates each registration; otherwise a registration with a place is accepted at once.</summary>
    public bool RequiresApproval { get; set; }

    /// <summary>Children registered at most (null: no limit). Never exceeded: see <see cref="PlacesTaken"/>.</summary>
    public int? Capacity { get; set; }

    /// <summary>
    /// Registrations holding a place (pending or accepted). Changed only by a conditional UPDATE
    /// (<see cref="Places"/>), which is what keeps <see cref="Capacity"/> from being exceeded by
    /// simultaneous registrations.
    /// </summary>
    public int PlacesTaken { get; set; }

    /// <summary>Children booked on one day at most (null: no limit); beyond it, days go on a waiting list.</summary>
    public int? DailyCapacity { get; set; }

    /// <summary>Booking deadline: this many working days before the day (school and public holidays excluded)…</summary>
    public int DeadlineWorkingDays { get; set; } = 2;

    /// <summary>…at this local time of the territory.</summary>
    public TimeOnly DeadlineTime { get; set; } = new(10, 0);

    public LateChangePolicy LateChanges { get; set; }

    /// <summary>The documents a registration needs (the household's valid or pending ones count).</summary>
    public DocumentKind RequiredDocuments { get; set; }

    /// <summary>Whether families may register now.</summary>
    public bool RegistrationOpen { get; set; } = true;

    /// <summary>Bumped to serialise bookings of a service with a daily capacity (a row lock on PostgreSQL).</summary>
    public long BookingSequence { get; set; }

    public List<ServiceStop> Stops { get; init; } = [];

    public BookingDeadline Deadline => new(DeadlineWorkingDays, DeadlineTime);

    /// <summary>Whether the service runs on a day, by its period, its days and the school calendar.</summary>
    public bool RunsOn(DateOnly day, SchoolCalendar calendar) => WhyNotOn(day, calendar) is null;

    /// <summary>Why the service does not run on a day (a French key), or null when it does.</summary>
    public string? WhyNotOn(DateOnly day, SchoolCalendar calendar)
    {
        if (day < StartsOn || day > EndsOn)
        {
            return Fr("Ce jour est en dehors de la période du service.");
        }

        if (!Days.Contains(day.DayOfWeek))
        {
            return Fr("Le service ne fonctionne pas ce jour de la semaine.");
        }

        if (calendar.IsPublicHoliday(day))
        {
            return Fr("Ce jour est férié.");
        }

        var holiday = calendar.HolidayOn(day);
        if (DuringHolidays && holiday is null)
        {
            return Fr("Ce service ne fonctionne que pendant les vacances scolaires.");
        }

        if (!DuringHolidays && holiday is not null)
        {
            return Fr("Ce jour tombe pendant les vacances scolaires.");
        }

        return null;
    }

    /// <summary>The days it runs between two dates.</summary>
    public IEnumerable<DateOnly> DaysBetween(DateOnly from, DateOnly to, SchoolCalendar calendar)
    {
        for (var day = from < StartsOn ? StartsOn : from; day <= to && day <= EndsOn; day = day.AddDays(1))
        {
            if (RunsOn(day, calendar))
            {
                yield return day;
            }
        }
    }

    /// <summary>Whether a new capacity is acceptable: never below the places already taken.</summary>
    public static string? CheckCapacity(int? capacity, int placesTaken) =>
        capacity is { } value && value < placesTaken ? Fr("La capacité ne peut pas être inférieure au nombre de places déjà occupées ({0}).") : null;
}

/// <summary>A stop of a transport line, in order.</summary>
internal sealed class ServiceStop : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid ServiceId { get; init; }

    public int Position { get; init; }

    public required string Name { get; init; }

    public TimeOnly? MorningTime { get; init; }

    public TimeOnly? EveningTime { get; init; }
}
