using Preau.Communication.QuietHours;
using Preau.Identity.Contracts;

namespace Preau.UnitTests.Communication;

/// <summary>Issue 4, item 6: no notices to families between 20:00 and 07:00, at weekends and during holidays.</summary>
public sealed class QuietHoursTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly TimeZoneInfo Reunion = TimeZoneInfo.FindSystemTimeZoneById("Indian/Reunion");
    private static readonly QuietHoursPolicy Policy = new(true, new TimeOnly(20, 0), new TimeOnly(7, 0), Weekends: true, Holidays: true);

    // School year 2026-2027 with the All Saints holidays of 17 October – 1 November 2026 and Christmas from 19 December.
    private static readonly SchoolCalendar Calendar = new(
        [new SchoolYearInfo(Guid.NewGuid(), "2026-2027", new DateOnly(2026, 9, 1), new DateOnly(2027, 7, 4))],
        [new HolidayPeriod("Vacances de la Toussaint", new DateOnly(2026, 10, 17), new DateOnly(2026, 11, 1)), new HolidayPeriod("Vacances de Noël", new DateOnly(2026, 12, 19), new DateOnly(2027, 1, 3))]);

    private static DateTime Utc(int month, int day, int hour, int minute, TimeZoneInfo zone, int year = 2026) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified), zone);

    [Fact]
    public void NextAllowed_TuesdayAfternoon_IsNow()
    {
        var now = Utc(11, 24, 15, 0, Paris);

        Assert.Equal(now, Policy.NextAllowed(now, Paris, Calendar));
    }

    [Fact]
    public void NextAllowed_TuesdayEvening_IsWednesdayAtSeven()
    {
        Assert.Equal(Utc(11, 25, 7, 0, Paris), Policy.NextAllowed(Utc(11, 24, 20, 0, Paris), Paris, Calendar));
        Assert.Equal(Utc(11, 25, 7, 0, Paris), Policy.NextAllowed(Utc(11, 25, 6, 59, Paris), Paris, Calendar));
    }

    [Fact]
    public void NextAllowed_FridayEvening_IsMondayAtSeven()
    {
        Assert.Equal(Utc(11, 30, 7, 0, Paris), Policy.NextAllowed(Utc(11, 27, 21, 30, Paris), Paris, Calendar));
        Assert.Equal(Utc(11, 30, 7, 0, Paris), Policy.NextAllowed(Utc(11, 28, 12, 0, Paris), Paris, Calendar));
    }

    [Fact]
    public void NextAllowed_DuringSchoolHolidays_IsTheFirstSchoolDayAtSeven()
    {
        // Wednesday 23 December, Christmas holidays: the next working day is Monday 4 January 2027.
        Assert.Equal(Utc(1, 4, 7, 0, Paris, 2027), Policy.NextAllowed(Utc(12, 23, 10, 0, Paris), Paris, Calendar));
    }

    [Fact]
    public void NextAllowed_OnAPublicHoliday_IsTheNextDay()
    {
        // Wednesday 11 November 2026 (Armistice).
        Assert.Equal(Utc(11, 12, 7, 0, Paris), Policy.NextAllowed(Utc(11, 11, 9, 0, Paris), Paris, Calendar));
    }

    [Fact]
    public void NextAllowed_InAnOverseasTerritory_UsesItsOwnClock()
    {
        // 17:30 in Paris is 20:30 in La Réunion (UTC+4, no daylight saving): already quiet there.
        var now = Utc(11, 24, 17, 30, Paris);

        Assert.Equal(now, Policy.NextAllowed(now, Paris, Calendar));
        Assert.Equal(Utc(11, 25, 7, 0, Reunion), Policy.NextAllowed(now, Reunion, Calendar));
    }

    [Fact]
    public void NextAllowed_AcrossTheEndOfDaylightSaving_IsSevenLocalTime()
    {
        // Saturday 24 October 2026 22:00 (summer time); clocks go back on Sunday 25; holidays until 1 November.
        var next = Policy.NextAllowed(Utc(10, 24, 22, 0, Paris), Paris, Calendar);

        Assert.Equal(new DateTime(2026, 11, 2, 6, 0, 0, DateTimeKind.Utc), next);
    }

    [Fact]
    public void NextAllowed_Disabled_IsAlwaysNow()
    {
        var now = Utc(11, 28, 23, 0, Paris);

        Assert.Equal(now, (Policy with { Enabled = false }).NextAllowed(now, Paris, Calendar));
    }

    [Fact]
    public void NextAllowed_WeekendsNotQuiet_SaturdayNoonIsNow()
    {
        var now = Utc(11, 28, 12, 0, Paris);

        Assert.Equal(now, (Policy with { Weekends = false, Holidays = false }).NextAllowed(now, Paris, Calendar));
    }

    [Fact]
    public void IsQuietDay_SummerBreakBetweenSchoolYears_IsQuiet()
    {
        Assert.True(Policy.IsQuietDay(new DateOnly(2027, 7, 20), Calendar));
        Assert.False(Policy.IsQuietDay(new DateOnly(2027, 7, 1), Calendar));
    }
}
