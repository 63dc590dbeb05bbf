using Preau.Identity.Contracts;

namespace Preau.SchoolLife.Timetable;

/// <summary>
/// The A/B week alternation of a school (semaines A et B): some lessons take place one week out of two.
/// The school names a week A (by default the week the school year starts); weeks then alternate,
/// skipping the weeks without school when the school counts that way (the common case: the first week
/// back from holidays follows the last week before them).
/// </summary>
internal static class WeekAlternation
{
    /// <summary>The Monday of the week that contains the day (ISO 8601 weeks start on Monday).</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>Week A or week B for the week that contains the day.</summary>
    public static WeekPattern WeekOf(DateOnly day, DateOnly weekAReference, bool skipWeeksWithoutSchool, SchoolCalendar calendar)
    {
        var reference = MondayOf(weekAReference);
        var monday = MondayOf(day);
        var weeks = (monday.DayNumber - reference.DayNumber) / 7;
        if (skipWeeksWithoutSchool)
        {
            var (from, to) = weeks >= 0 ? (reference, monday) : (monday, reference);
            var skipped = 0;
            for (var week = from.AddDays(7); week < to; week = week.AddDays(7))
            {
                if (!HasSchool(week, calendar))
                {
                    skipped++;
                }
            }

            weeks = weeks >= 0 ? weeks - skipped : weeks + skipped;
        }

        return weeks % 2 == 0 ? WeekPattern.A : WeekPattern.B;
    }

    /// <summary>Whether a slot with this pattern takes place in a week of that letter.</summary>
    public static bool TakesPlace(WeekPattern slotWeeks, WeekPattern week) => slotWeeks == WeekPattern.Every || slotWeeks == week;

    /// <summary>Whether any day from Monday to Friday of the week is a school day.</summary>
    public static bool HasSchool(DateOnly monday, SchoolCalendar calendar)
    {
        for (var i = 0; i < 5; i++)
        {
            if (calendar.IsSchoolDay(monday.AddDays(i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The school's week-A reference: its own setting, else the week the school year of the day starts.</summary>
    public static DateOnly? ReferenceFor(DateOnly day, ScheduleSettings? settings, SchoolCalendar calendar) =>
        settings?.WeekAReference ?? calendar.YearOf(day)?.StartsOn;
}
