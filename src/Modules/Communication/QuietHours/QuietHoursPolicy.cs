using Preau.Identity.Contracts;

namespace Preau.Communication.QuietHours;

/// <summary>
/// The quiet hours of a territory. Since September 2025 French schools must not push notifications to
/// families between 20:00 and 07:00 nor at weekends; Préau also keeps public holidays and school
/// holidays quiet. Everyone may still write at any time: only the notices (e-mail, Web Push) wait.
/// </summary>
/// <param name="Enabled">Whether quiet hours apply at all.</param>
/// <param name="From">Start of the quiet evening, local time.</param>
/// <param name="Until">End of the quiet night, local time.</param>
/// <param name="Weekends">Saturdays and Sundays are quiet all day.</param>
/// <param name="Holidays">Public holidays, school holidays and the summer break are quiet all day.</param>
internal sealed record QuietHoursPolicy(bool Enabled, TimeOnly From, TimeOnly Until, bool Weekends, bool Holidays)
{
    /// <summary>
    /// The first instant at or after <paramref name="utcNow"/> when a notice may be pushed, in UTC,
    /// evaluated in the territory's <paramref name="zone"/> against its <paramref name="calendar"/>.
    /// </summary>
    public DateTime NextAllowed(DateTime utcNow, TimeZoneInfo zone, SchoolCalendar calendar)
    {
        if (!Enabled)
        {
            return utcNow;
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), zone);
        var today = DateOnly.FromDateTime(local);
        var now = TimeOnly.FromDateTime(local);
        // A year of quiet days cannot happen with a real calendar; the bound only guards against a broken one.
        for (var offset = 0; offset < 366; offset++)
        {
            var day = today.AddDays(offset);
            if (IsQuietDay(day, calendar))
            {
                continue;
            }

            if (offset > 0 || now < Until)
            {
                return ToUtc(day, Until, zone);
            }

            if (IsInAllowedWindow(now))
            {
                return utcNow;
            }
        }

        return utcNow;
    }

    /// <summary>Whether a notice may go at once.</summary>
    public bool AllowsNow(DateTime utcNow, TimeZoneInfo zone, SchoolCalendar calendar) => NextAllowed(utcNow, zone, calendar) <= utcNow;

    /// <summary>A whole day without notices: weekend, public holiday, school holiday or summer break.</summary>
    public bool IsQuietDay(DateOnly day, SchoolCalendar calendar)
    {
        if (Weekends && day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return true;
        }

        if (!Holidays)
        {
            return false;
        }

        // The summer break lies between school years; a territory that entered no calendar has none to respect.
        var outsideSchoolYears = calendar.YearOf(day) is null && calendar.Holidays.Count > 0;
        return calendar.IsPublicHoliday(day) || calendar.HolidayOn(day) is not null || outsideSchoolYears;
    }

    private bool IsInAllowedWindow(TimeOnly time) => Until <= From
        ? time >= Until && time < From
        // A window that spans midnight (quiet from 07:00 to 20:00 would be odd, but stays consistent).
        : time >= Until || time < From;

    private static DateTime ToUtc(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
