namespace Preau.Identity.Contracts;

/// <summary>A period without school: "Vacances de la Toussaint", "Pont de l’Ascension".</summary>
/// <param name="Label">French label.</param>
/// <param name="StartsOn">First day without school.</param>
/// <param name="EndsOn">Last day without school (inclusive).</param>
public sealed record HolidayPeriod(string Label, DateOnly StartsOn, DateOnly EndsOn)
{
    /// <summary>Whether the day falls in the period.</summary>
    public bool Contains(DateOnly day) => day >= StartsOn && day <= EndsOn;
}

/// <summary>
/// The territory's school calendar: its school years, its school holidays (entered by the territory,
/// from the national calendar of its zone) and the public holidays (computed). Deadlines ("two working
/// days before"), timetables and quiet hours are evaluated against it, in the territory's time zone.
/// </summary>
public sealed class SchoolCalendar
{
    private readonly IReadOnlyList<SchoolYearInfo> _years;
    private readonly IReadOnlyList<HolidayPeriod> _holidays;

    /// <summary>Builds the calendar from the territory's years and holidays.</summary>
    public SchoolCalendar(IReadOnlyList<SchoolYearInfo> years, IReadOnlyList<HolidayPeriod> holidays)
    {
        _years = years;
        _holidays = holidays;
    }

    /// <summary>School holidays, in order.</summary>
    public IReadOnlyList<HolidayPeriod> Holidays => _holidays;

    /// <summary>The school year that contains the day, if any.</summary>
    public SchoolYearInfo? YearOf(DateOnly day) => _years.FirstOrDefault(y => day >= y.StartsOn && day <= y.EndsOn);

    /// <summary>The school holiday the day falls in, if any.</summary>
    public HolidayPeriod? HolidayOn(DateOnly day)
    {
        // A loop, not LINQ: asked for every day of every calendar and deadline shown.
        for (var i = 0; i < _holidays.Count; i++)
        {
            if (_holidays[i].Contains(day))
            {
                return _holidays[i];
            }
        }

        return null;
    }

    /// <summary>Whether the day is a French public holiday (jour férié).</summary>
    public bool IsPublicHoliday(DateOnly day) => FrenchPublicHolidays.Of(day.Year).ContainsKey(day);

    /// <summary>Monday to Friday, neither a public holiday nor a school holiday.</summary>
    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsPublicHoliday(day) && HolidayOn(day) is null;

    /// <summary>A working day inside a school year: a day pupils may be at school (Wednesday depends on the school's week).</summary>
    public bool IsSchoolDay(DateOnly day) => YearOf(day) is not null && IsWorkingDay(day);

    /// <summary>
    /// The day <paramref name="count"/> working days before <paramref name="day"/>: the usual form of a
    /// booking deadline ("two working days before, holidays excluded").
    /// </summary>
    public DateOnly WorkingDaysBefore(DateOnly day, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var current = day;
        for (var remaining = count; remaining > 0;)
        {
            current = current.AddDays(-1);
            if (IsWorkingDay(current))
            {
                remaining--;
            }
        }

        return current;
    }

    /// <summary>The next working day strictly after <paramref name="day"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly day)
    {
        var current = day.AddDays(1);
        while (!IsWorkingDay(current))
        {
            current = current.AddDays(1);
        }

        return current;
    }
}

/// <summary>
/// The public holidays of metropolitan France (Code du travail, art. L3133-1). Alsace-Moselle adds Good
/// Friday and 26 December, and overseas territories add the abolition of slavery: those territories
/// enter them as holiday periods of their calendar.
/// </summary>
public static class FrenchPublicHolidays
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, string>> Cache = new();

    /// <summary>The public holidays of a year with their French names.</summary>
    public static IReadOnlyDictionary<DateOnly, string> Of(int year) => Cache.GetOrAdd(year, Compute);

    private static IReadOnlyDictionary<DateOnly, string> Compute(int year)
    {
        var easter = EasterSunday(year);
        return new Dictionary<DateOnly, string>
        {
            [new DateOnly(year, 1, 1)] = "Jour de l’an",
            [easter.AddDays(1)] = "Lundi de Pâques",
            [new DateOnly(year, 5, 1)] = "Fête du Travail",
            [new DateOnly(year, 5, 8)] = "Victoire 1945",
            [easter.AddDays(39)] = "Ascension",
            [easter.AddDays(50)] = "Lundi de Pentecôte",
            [new DateOnly(year, 7, 14)] = "Fête nationale",
            [new DateOnly(year, 8, 15)] = "Assomption",
            [new DateOnly(year, 11, 1)] = "Toussaint",
            [new DateOnly(year, 11, 11)] = "Armistice 1918",
            [new DateOnly(year, 12, 25)] = "Noël",
        };
    }

    /// <summary>Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
