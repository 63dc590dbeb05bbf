using Preau.FamilyServices.Reservations;

namespace Preau.FamilyServices.Statistics;

/// <summary>
/// Child days counted by state (docs/family-services.md, Statistics). Waiting-list and refused days are
/// never counted: the child had no place.
/// </summary>
/// <param name="NotMarked">Booked and not (yet) marked (<see cref="DayState.Reserved"/>).</param>
/// <param name="Present">Booked and present.</param>
/// <param name="PresentWithoutReservation">Present without a booking.</param>
/// <param name="AbsentExcused">Booked, absent with a valid reason.</param>
/// <param name="AbsentUnexcused">Booked, absent without a valid reason.</param>
/// <param name="CancelledLate">Cancelled after the deadline (late tariff).</param>
internal sealed record AttendanceCounts(int NotMarked, int Present, int PresentWithoutReservation, int AbsentExcused, int AbsentUnexcused, int CancelledLate)
{
    public static readonly AttendanceCounts Zero = new(0, 0, 0, 0, 0, 0);

    /// <summary>Days booked and kept: reserved (marked or not), present or absent; not those cancelled late.</summary>
    public int Booked => NotMarked + Present + AbsentExcused + AbsentUnexcused;

    /// <summary>Days a child came: present, with or without a booking.</summary>
    public int Attended => Present + PresentWithoutReservation;

    /// <summary>Days the staff marked: the rate's denominator.</summary>
    public int Marked => Attended + AbsentExcused + AbsentUnexcused;

    /// <summary>Days the town bills (docs/family-services.md, the day states): all but excused absences, waiting lists and refusals.</summary>
    public int Billable => NotMarked + Present + PresentWithoutReservation + AbsentUnexcused + CancelledLate;

    /// <summary>
    /// Attendance rate in percent, one decimal, half away from zero: attended ÷ marked days. Days not yet
    /// marked are left out (they would lower the rate of the current month); null when nothing was marked.
    /// </summary>
    public decimal? Rate => Rates.Percent(Attended, Marked);

    public static AttendanceCounts operator +(AttendanceCounts a, AttendanceCounts b) => new(
        a.NotMarked + b.NotMarked, a.Present + b.Present, a.PresentWithoutReservation + b.PresentWithoutReservation,
        a.AbsentExcused + b.AbsentExcused, a.AbsentUnexcused + b.AbsentUnexcused, a.CancelledLate + b.CancelledLate);

    public static AttendanceCounts Sum(IEnumerable<AttendanceCounts> counts) => counts.Aggregate(Zero, (a, b) => a + b);
}

/// <summary>Percentages of the statistics.</summary>
internal static class Rates
{
    /// <summary><paramref name="part"/> ÷ <paramref name="whole"/> in percent, one decimal, half away from zero; null for an empty whole.</summary>
    public static decimal? Percent(int part, int whole) =>
        whole <= 0 ? null : decimal.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);
}
