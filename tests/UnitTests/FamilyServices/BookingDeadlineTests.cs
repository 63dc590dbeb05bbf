using Preau.FamilyServices.Reservations;

namespace Preau.UnitTests.FamilyServices;

public sealed class BookingDeadlineTests
{
    private static readonly BookingDeadline TwoWorkingDaysAtTen = new(2, new TimeOnly(10, 0));

    private static DateTimeOffset Paris(int month, int day, int hour, int minute = 0, int year = 2026) =>
        new(new DateTime(year, month, day, hour, minute, 0), FamilyCalendar.Paris.GetUtcOffset(new DateTime(year, month, day, hour, minute, 0)));

    [Fact]
    public void LocalDeadlineFor_AnOrdinaryThursday_IsTuesdayAtTheHour() =>
        Assert.Equal(new DateTime(2026, 11, 24, 10, 0, 0), TwoWorkingDaysAtTen.LocalDeadlineFor(new DateOnly(2026, 11, 26), FamilyCalendar.Year2026));

    [Fact]
    public void LocalDeadlineFor_AMonday_SkipsTheWeekend() =>
        Assert.Equal(new DateTime(2026, 11, 26, 10, 0, 0), TwoWorkingDaysAtTen.LocalDeadlineFor(new DateOnly(2026, 11, 30), FamilyCalendar.Year2026));

    [Fact]
    public void LocalDeadlineFor_TheDayAfterAPublicHoliday_SkipsIt() =>
        // Thursday 12 November 2026: Wednesday 11 is the Armistice, so two working days before is Monday 9.
        Assert.Equal(new DateTime(2026, 11, 9, 10, 0, 0), TwoWorkingDaysAtTen.LocalDeadlineFor(new DateOnly(2026, 11, 12), FamilyCalendar.Year2026));

    [Fact]
    public void LocalDeadlineFor_TheFirstDayAfterTheHolidays_FallsBeforeThem() =>
        // Monday 4 January 2027, back from Christmas: Thursday 17 December 2026.
        Assert.Equal(new DateTime(2026, 12, 17, 10, 0, 0), TwoWorkingDaysAtTen.LocalDeadlineFor(new DateOnly(2027, 1, 4), FamilyCalendar.Year2026));

    [Fact]
    public void LocalDeadlineFor_ZeroWorkingDays_IsTheSameDay() =>
        Assert.Equal(new DateTime(2026, 11, 23, 9, 30, 0), new BookingDeadline(0, new TimeOnly(9, 30)).LocalDeadlineFor(new DateOnly(2026, 11, 23), FamilyCalendar.Year2026));

    [Theory]
    [InlineData(9, 59, true)]
    [InlineData(10, 0, false)]
    [InlineData(10, 1, false)]
    public void IsOpen_AroundTheHourOfTheDeadline_ClosesAtTheHour(int hour, int minute, bool open) =>
        Assert.Equal(open, TwoWorkingDaysAtTen.IsOpen(new DateOnly(2026, 11, 26), Paris(11, 24, hour, minute), FamilyCalendar.Paris, FamilyCalendar.Year2026));

    [Fact]
    public void IsOpen_TheEveningBefore_IsClosed() =>
        Assert.False(TwoWorkingDaysAtTen.IsOpen(new DateOnly(2026, 11, 26), Paris(11, 25, 20), FamilyCalendar.Paris, FamilyCalendar.Year2026));

    [Fact]
    public void IsOpen_SameInstantInAnotherTimeZone_DependsOnTheTerritorysClock()
    {
        // 12:30 UTC on Tuesday 24 November: 13:30 in Paris (closed), 09:30 in French Guiana (still open).
        var instant = new DateTimeOffset(2026, 11, 24, 12, 30, 0, TimeSpan.Zero);
        var guiana = TimeZoneInfo.FindSystemTimeZoneById("America/Cayenne");

        Assert.False(TwoWorkingDaysAtTen.IsOpen(new DateOnly(2026, 11, 26), instant, FamilyCalendar.Paris, FamilyCalendar.Year2026));
        Assert.True(TwoWorkingDaysAtTen.IsOpen(new DateOnly(2026, 11, 26), instant, guiana, FamilyCalendar.Year2026));
    }

    [Fact]
    public void IsOpen_AroundSummerTimeChanges_UsesTheLocalHourOfThatDay()
    {
        // A same-day rule (10:00) on the Mondays after the clocks change: UTC+1 on 26 October 2026, UTC+2 on 29 March 2027.
        var rule = new BookingDeadline(0, new TimeOnly(10, 0));
        var calendar = new Preau.Identity.Contracts.SchoolCalendar([new(Guid.NewGuid(), "2026-2027", new DateOnly(2026, 9, 1), new DateOnly(2027, 7, 3))], []);

        Assert.True(rule.IsOpen(new DateOnly(2026, 10, 26), new DateTimeOffset(2026, 10, 26, 8, 59, 0, TimeSpan.Zero), FamilyCalendar.Paris, calendar));
        Assert.False(rule.IsOpen(new DateOnly(2026, 10, 26), new DateTimeOffset(2026, 10, 26, 9, 0, 0, TimeSpan.Zero), FamilyCalendar.Paris, calendar));
        Assert.True(rule.IsOpen(new DateOnly(2027, 3, 29), new DateTimeOffset(2027, 3, 29, 7, 59, 0, TimeSpan.Zero), FamilyCalendar.Paris, calendar));
        Assert.False(rule.IsOpen(new DateOnly(2027, 3, 29), new DateTimeOffset(2027, 3, 29, 8, 0, 0, TimeSpan.Zero), FamilyCalendar.Paris, calendar));
    }
}
