using Preau.Identity.Calendar;
using Preau.Identity.Contracts;

namespace Preau.UnitTests.Identity;

public sealed class SchoolCalendarTests
{
    private static readonly SchoolCalendar Calendar = new(
        [new SchoolYearInfo(Guid.NewGuid(), "2026-2027", new DateOnly(2026, 9, 1), new DateOnly(2027, 7, 3))],
        SchoolHoliday.Indicative(2026));

    [Theory]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    public void EasterSunday_KnownYears_MatchesTheGregorianCalendar(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), FrenchPublicHolidays.EasterSunday(year));

    [Fact]
    public void IsPublicHoliday_ArmisticeAndWhitMonday_AreHolidays()
    {
        Assert.True(Calendar.IsPublicHoliday(new DateOnly(2026, 11, 11)));
        Assert.True(Calendar.IsPublicHoliday(new DateOnly(2027, 5, 17)));
        Assert.False(Calendar.IsPublicHoliday(new DateOnly(2026, 11, 12)));
    }

    [Fact]
    public void IsSchoolDay_WeekendHolidaysAndSummer_AreNot()
    {
        Assert.True(Calendar.IsSchoolDay(new DateOnly(2026, 11, 23)));
        Assert.False(Calendar.IsSchoolDay(new DateOnly(2026, 11, 21)));
        Assert.False(Calendar.IsSchoolDay(new DateOnly(2026, 12, 28)));
        Assert.False(Calendar.IsSchoolDay(new DateOnly(2026, 11, 11)));
        Assert.False(Calendar.IsSchoolDay(new DateOnly(2027, 5, 7)));
        Assert.False(Calendar.IsSchoolDay(new DateOnly(2027, 7, 15)));
        Assert.Equal("Vacances de Noël", Calendar.HolidayOn(new DateOnly(2027, 1, 1))?.Label);
    }

    [Fact]
    public void WorkingDaysBefore_AcrossAWeekendAndAPublicHoliday_SkipsThem()
    {
        // Friday 13 November 2026, two working days before: Thursday 12 (11 is a public holiday), then Tuesday 10.
        Assert.Equal(new DateOnly(2026, 11, 10), Calendar.WorkingDaysBefore(new DateOnly(2026, 11, 13), 2));
        // Monday 4 January 2027 (back from Christmas): two working days before falls before the holidays.
        Assert.Equal(new DateOnly(2026, 12, 17), Calendar.WorkingDaysBefore(new DateOnly(2027, 1, 4), 2));
        Assert.Equal(new DateOnly(2026, 11, 16), Calendar.NextWorkingDay(new DateOnly(2026, 11, 13)));
    }
}
