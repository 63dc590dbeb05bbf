using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;

namespace Preau.UnitTests.FamilyServices;

public sealed class ServiceCalendarTests
{
    [Fact]
    public void RunsOn_SchoolDaysOfItsWeek_Only()
    {
        var canteen = FamilyCalendar.Canteen();

        Assert.True(canteen.RunsOn(new DateOnly(2026, 11, 23), FamilyCalendar.Year2026));
        Assert.Equal("Le service ne fonctionne pas ce jour de la semaine.", canteen.WhyNotOn(new DateOnly(2026, 11, 25), FamilyCalendar.Year2026));
        Assert.Equal("Ce jour est férié.", canteen.WhyNotOn(new DateOnly(2027, 5, 6), FamilyCalendar.Year2026));
        Assert.Equal("Ce jour tombe pendant les vacances scolaires.", canteen.WhyNotOn(new DateOnly(2026, 12, 21), FamilyCalendar.Year2026));
        Assert.Equal("Ce jour est en dehors de la période du service.", canteen.WhyNotOn(new DateOnly(2027, 7, 5), FamilyCalendar.Year2026));
    }

    [Fact]
    public void RunsOn_HolidayActivities_OnlyDuringSchoolHolidays()
    {
        var holidays = FamilyCalendar.Canteen();
        holidays.DuringHolidays = true;
        holidays.Days = Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday | Weekdays.Friday;

        Assert.True(holidays.RunsOn(new DateOnly(2026, 12, 21), FamilyCalendar.Year2026));
        Assert.False(holidays.RunsOn(new DateOnly(2026, 12, 25), FamilyCalendar.Year2026));
        Assert.Equal("Ce service ne fonctionne que pendant les vacances scolaires.", holidays.WhyNotOn(new DateOnly(2026, 11, 23), FamilyCalendar.Year2026));
    }

    [Fact]
    public void DaysBetween_November2026_SkipsWednesdaysAndTheArmistice()
    {
        var days = FamilyCalendar.Canteen().DaysBetween(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), FamilyCalendar.Year2026).ToList();

        // 21 weekdays in November 2026 from Monday 2, minus 4 Wednesdays (11 is one of them, a holiday anyway).
        Assert.Equal(17, days.Count);
        Assert.DoesNotContain(days, d => d.DayOfWeek == DayOfWeek.Wednesday);
        Assert.Equal(new DateOnly(2026, 11, 2), days[0]);
    }

    [Fact]
    public void WeeklyPattern_MondaysAndThursdays_WantsThoseDaysOnly()
    {
        var canteen = FamilyCalendar.Canteen();
        var pattern = new WeeklyPattern(Weekdays.Monday | Weekdays.Thursday, new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 4));

        var applied = pattern.Apply(canteen.DaysBetween(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31), FamilyCalendar.Year2026)).ToList();

        Assert.Equal(8, applied.Count);
        Assert.Equal([new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 3)], applied.Where(a => a.Wanted).Select(a => a.Day));
        Assert.All(applied.Where(a => !a.Wanted), a => Assert.True(a.Day.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Friday));
    }

    [Theory]
    [InlineData(2026, 12, 1, 2026, 11, 30, "La date de fin doit suivre la date de début.")]
    [InlineData(2026, 9, 1, 2027, 12, 1, "La période ne peut pas dépasser une année scolaire.")]
    [InlineData(2026, 9, 1, 2027, 7, 3, null)]
    public void WeeklyPattern_Check_RefusesBackwardsOrTooLongPeriods(int y1, int m1, int d1, int y2, int m2, int d2, string? expected) =>
        Assert.Equal(expected, new WeeklyPattern(Weekdays.Monday, new DateOnly(y1, m1, d1), new DateOnly(y2, m2, d2)).Check());
}
