using Preau.Identity.Calendar;
using Preau.Identity.Contracts;
using Preau.SchoolLife.Absences;

namespace Preau.UnitTests.SchoolLife;

/// <summary>Absences counted in half-days, rates and the monthly threshold of the Code de l’éducation (L131-8).</summary>
public sealed class AttendanceStatisticsTests
{
    private static readonly Guid Lea = Guid.NewGuid();
    private static readonly Guid Tom = Guid.NewGuid();

    private static readonly SchoolCalendar Calendar = new(
        [new SchoolYearInfo(Guid.NewGuid(), "2026-2027", new DateOnly(2026, 9, 1), new DateOnly(2027, 7, 3))],
        SchoolHoliday.Indicative(2026));

    private static AttendanceFact Absent(Guid pupil, int day, HalfDay half, bool unjustified = true) =>
        new(pupil, new DateOnly(2026, 11, day), half, AttendanceKind.Absent, unjustified);

    [Fact]
    public void HalfDayOf_BeforeNoonIsMorning() =>
        Assert.Equal([HalfDay.Morning, HalfDay.Morning, HalfDay.Afternoon], new[] { new TimeOnly(8, 0), new TimeOnly(11, 59), new TimeOnly(12, 0) }.Select(Absence.HalfDayOf));

    [Fact]
    public void SchoolHalfDays_WeekOfArmistice_CountsWednesdayOnceAndSkipsTheHolidayAndWeekend()
    {
        // Monday 9 to Sunday 15 November 2026: Mon 2 + Tue 2 + Wed (11 November, public holiday) 0 + Thu 2 + Fri 2.
        Assert.Equal(8, AttendanceStatistics.SchoolHalfDays(Calendar, new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 15)));
        // Monday 16 to Friday 20: 2 + 2 + 1 + 2 + 2.
        Assert.Equal(9, AttendanceStatistics.SchoolHalfDays(Calendar, new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 20)));
    }

    [Fact]
    public void Summarise_SeveralLessonsOfOneHalfDay_CountOnce_UnjustifiedWhenAnyIs()
    {
        var facts = new[]
        {
            Absent(Lea, 9, HalfDay.Morning),
            Absent(Lea, 9, HalfDay.Morning, unjustified: false),
            Absent(Lea, 9, HalfDay.Afternoon, unjustified: false),
            new AttendanceFact(Tom, new DateOnly(2026, 11, 9), HalfDay.Morning, AttendanceKind.Late, true),
        };

        var summary = AttendanceStatistics.Summarise(facts, pupilCount: 2, schoolHalfDays: 8);

        Assert.Equal(2, summary.AbsentHalfDays);
        Assert.Equal(1, summary.UnjustifiedHalfDays);
        Assert.Equal(1, summary.JustifiedHalfDays);
        Assert.Equal(1, summary.LateArrivals);
        Assert.Equal(12.5m, summary.AbsenceRate);
        Assert.Equal(6.25m, summary.UnjustifiedRate);
    }

    [Fact]
    public void Rates_NoPossibleHalfDay_AreZero_AndRoundHalfUp()
    {
        Assert.Equal(0m, new AttendanceSummary(3, 3, 0, 0).AbsenceRate);
        Assert.Equal(33.33m, new AttendanceSummary(1, 0, 0, 3).AbsenceRate);
        Assert.Equal(66.67m, new AttendanceSummary(2, 0, 0, 3).AbsenceRate);
    }

    [Fact]
    public void AboveThreshold_FourUnjustifiedHalfDaysInOneMonth_IsListed_ThreeOrJustifiedOrSpreadOverMonthsIsNot()
    {
        var facts = new List<AttendanceFact>
        {
            Absent(Lea, 9, HalfDay.Morning), Absent(Lea, 9, HalfDay.Afternoon), Absent(Lea, 10, HalfDay.Morning), Absent(Lea, 12, HalfDay.Afternoon),
            Absent(Lea, 12, HalfDay.Afternoon),
            Absent(Tom, 9, HalfDay.Morning), Absent(Tom, 10, HalfDay.Morning), Absent(Tom, 12, HalfDay.Morning),
            Absent(Tom, 13, HalfDay.Morning, unjustified: false),
            new(Tom, new DateOnly(2026, 12, 1), HalfDay.Morning, AttendanceKind.Absent, true),
        };

        var alert = Assert.Single(AttendanceStatistics.AboveThreshold(facts, 4));

        Assert.Equal(new ThresholdAlert(Lea, 2026, 11, 4), alert);
    }
}
