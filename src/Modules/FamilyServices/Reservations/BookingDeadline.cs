using Preau.Identity.Contracts;

namespace Preau.FamilyServices.Reservations;

/// <summary>
/// The town's booking deadline: a day can be booked or cancelled until <see cref="At"/> (local time of
/// the territory) on the day that is <see cref="WorkingDaysBefore"/> working days before it, school
/// holidays, public holidays and week-ends excluded (<see cref="SchoolCalendar.WorkingDaysBefore"/>).
/// With 0 working days, the deadline is the same day at that hour.
/// </summary>
internal sealed record BookingDeadline(int WorkingDaysBefore, TimeOnly At)
{
    /// <summary>The local date and time after which a change for <paramref name="day"/> is late.</summary>
    public DateTime LocalDeadlineFor(DateOnly day, SchoolCalendar calendar) =>
        calendar.WorkingDaysBefore(day, WorkingDaysBefore).ToDateTime(At);

    /// <summary>Whether a change for <paramref name="day"/> made at <paramref name="now"/> is still on time, in the territory's zone.</summary>
    public bool IsOpen(DateOnly day, DateTimeOffset now, TimeZoneInfo zone, SchoolCalendar calendar) =>
        TimeZoneInfo.ConvertTime(now, zone).DateTime < LocalDeadlineFor(day, calendar);
}
