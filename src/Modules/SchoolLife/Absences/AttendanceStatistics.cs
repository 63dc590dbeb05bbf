using Preau.Identity.Contracts;

namespace Preau.SchoolLife.Absences;

/// <summary>One absence or late arrival, as statistics see it.</summary>
internal sealed record AttendanceFact(Guid PupilId, DateOnly Date, HalfDay HalfDay, AttendanceKind Kind, bool IsUnjustified);

/// <summary>A pupil's (or a group's) attendance over a period.</summary>
/// <param name="AbsentHalfDays">Half-days with at least one absence.</param>
/// <param name="UnjustifiedHalfDays">Of those, the ones with an absence not (or not validly) justified.</param>
/// <param name="LateArrivals">Late arrivals.</param>
/// <param name="PossibleHalfDays">School half-days of the period, times the number of pupils.</param>
internal sealed record AttendanceSummary(int AbsentHalfDays, int UnjustifiedHalfDays, int LateArrivals, int PossibleHalfDays)
{
    public int JustifiedHalfDays => AbsentHalfDays - UnjustifiedHalfDays;

    /// <summary>Absent half-days ÷ possible half-days, in percent, two decimals half up; 0 when nothing was possible.</summary>
    public decimal AbsenceRate => Rate(AbsentHalfDays);

    public decimal UnjustifiedRate => Rate(UnjustifiedHalfDays);

    private decimal Rate(int halfDays) =>
        PossibleHalfDays == 0 ? 0 : Math.Round(100m * halfDays / PossibleHalfDays, 2, MidpointRounding.AwayFromZero);
}

/// <summary>A pupil whose unjustified absences reached the alert threshold in a month.</summary>
internal sealed record ThresholdAlert(Guid PupilId, int Year, int Month, int UnjustifiedHalfDays);

/// <summary>
/// Attendance counted as the law counts it: in half-days (Code de l’éducation, L131-8: "au moins quatre
/// demi-journées dans le mois" sans motif légitime). Several absences in one half-day (two lessons of the
/// morning) count once; the half-day is unjustified when one of its absences is.
/// </summary>
internal static class AttendanceStatistics
{
    /// <summary>
    /// School half-days between two days: two per school day, one on Wednesday (the morning of the
    /// four-and-a-half-day week), none on weekends, public holidays and school holidays.
    /// </summary>
    public static int SchoolHalfDays(SchoolCalendar calendar, DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (calendar.IsSchoolDay(day))
            {
                count += day.DayOfWeek == DayOfWeek.Wednesday ? 1 : 2;
            }
        }

        return count;
    }

    /// <summary>The summary of some pupils' facts, with <paramref name="schoolHalfDays"/> possible half-days for each pupil.</summary>
    public static AttendanceSummary Summarise(IEnumerable<AttendanceFact> facts, int pupilCount, int schoolHalfDays)
    {
        var list = facts.ToList();
        var absentHalfDays = list.Where(f => f.Kind == AttendanceKind.Absent)
            .GroupBy(f => (f.PupilId, f.Date, f.HalfDay))
            .ToList();
        return new AttendanceSummary(
            absentHalfDays.Count,
            absentHalfDays.Count(g => g.Any(f => f.IsUnjustified)),
            list.Count(f => f.Kind == AttendanceKind.Late),
            pupilCount * schoolHalfDays);
    }

    /// <summary>The pupils with at least <paramref name="threshold"/> unjustified half-days in one calendar month, worst first.</summary>
    public static IReadOnlyList<ThresholdAlert> AboveThreshold(IEnumerable<AttendanceFact> facts, int threshold) =>
        facts.Where(f => f.Kind == AttendanceKind.Absent && f.IsUnjustified)
            .Select(f => (f.PupilId, f.Date, f.HalfDay))
            .Distinct()
            .GroupBy(h => (h.PupilId, h.Date.Year, h.Date.Month))
            .Where(g => g.Count() >= threshold)
            .Select(g => new ThresholdAlert(g.Key.PupilId, g.Key.Year, g.Key.Month, g.Count()))
            .OrderByDescending(a => a.UnjustifiedHalfDays).ThenBy(a => a.Year).ThenBy(a => a.Month)
            .ToList();
}
