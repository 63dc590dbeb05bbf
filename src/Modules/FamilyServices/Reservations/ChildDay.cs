using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Reservations;

/// <summary>
/// The one state of a child's day for a service, as invoicing and the staff read it.
/// Stored with <see cref="ChildDay"/>, derived from its booking and its attendance mark.
/// </summary>
internal enum DayState
{
    /// <summary>Booked by the household; expected.</summary>
    Reserved,

    /// <summary>Asked for, but the day is full: waits for a cancellation.</summary>
    WaitingList,

    /// <summary>Asked for and not served (the day stayed full until its deadline).</summary>
    Refused,

    /// <summary>Booked and present.</summary>
    Present,

    /// <summary>Booked and absent with a valid reason (illness with a certificate, school trip…): not billed.</summary>
    AbsentExcused,

    /// <summary>Booked and absent without a valid reason: billed by the town's rules.</summary>
    AbsentUnexcused,

    /// <summary>Present without a booking: billed with the town's no-reservation tariff.</summary>
    PresentWithoutReservation,

    /// <summary>Cancelled after the deadline where the service accepts late changes: flagged for the late tariff.</summary>
    CancelledLate,
}

/// <summary>What the household asked for a day.</summary>
internal enum Booking
{
    /// <summary>Nothing booked (the child may still come: present without reservation).</summary>
    None,
    Reserved,
    WaitingList,
    Refused,
    CancelledLate,
}

/// <summary>What the staff recorded on the day.</summary>
internal enum AttendanceMark
{
    NotMarked,
    Present,
    AbsentExcused,
    AbsentUnexcused,
}

/// <summary>
/// A child's day for a service: booked by one household (the one that pays for it), then marked by
/// the staff. Keyed by child, service and day: one row per child, service and day at most, and the
/// reservation calendar reads a child's month by the key's prefix.
/// The booking and the mark are kept apart so that a corrected mark restores what was booked;
/// <see cref="State"/> is the one value invoicing and the numbers read.
/// </summary>
internal sealed class ChildDay : ITerritoryOwned
{
    public Guid ChildId { get; init; }

    public Guid ServiceId { get; init; }

    public DateOnly Day { get; init; }

    public Guid TerritoryId { get; init; }

    /// <summary>The household that booked the day (and pays for it); for a presence without booking, one of the child's households.</summary>
    public Guid HouseholdId { get; set; }

    public Booking Booking { get; private set; }

    public AttendanceMark Attendance { get; private set; }

    public DayState State { get; private set; }

    /// <summary>The booking or its cancellation came after the deadline and was accepted: the late tariff applies.</summary>
    public bool LateChange { get; private set; }

    /// <summary>Arrival time, for services billed by the hour.</summary>
    public TimeOnly? ArrivedAt { get; private set; }

    /// <summary>Departure time, for services billed by the hour.</summary>
    public TimeOnly? LeftAt { get; private set; }

    /// <summary>When the household booked (orders the day's waiting list).</summary>
    public DateTime? BookedAt { get; private set; }

    /// <summary>When the staff made the mark on their device: the last mark wins (offline sync).</summary>
    public DateTime? MarkedAt { get; private set; }

    public Guid? MarkedBy { get; private set; }

    /// <summary>Whether nothing is left to keep (no booking, no mark): the row is deleted.</summary>
    public bool IsEmpty => Booking == Booking.None && Attendance == AttendanceMark.NotMarked;

    /// <summary>Whether the household may still change its booking (nothing was marked yet).</summary>
    public bool IsMarked => Attendance != AttendanceMark.NotMarked;

    /// <summary>A booking by a household; <paramref name="full"/> puts it on the day's waiting list.</summary>
    public void Book(Guid householdId, bool full, bool late, DateTime now)
    {
        HouseholdId = householdId;
        Booking = full ? Booking.WaitingList : Booking.Reserved;
        LateChange = late;
        BookedAt = now;
        Recompute();
    }

    /// <summary>A cancellation: on time, the booking disappears; late (where accepted), it stays flagged.</summary>
    public void Cancel(bool late)
    {
        if (late && Booking == Booking.Reserved)
        {
            Booking = Booking.CancelledLate;
            LateChange = true;
        }
        else
        {
            Booking = Booking.None;
            LateChange = false;
        }

        Recompute();
    }

    /// <summary>A waiting booking gets a place freed by a cancellation.</summary>
    public void Promote()
    {
        Booking = Booking.Reserved;
        Recompute();
    }

    /// <summary>A waiting booking was not served before its deadline.</summary>
    public void Refuse()
    {
        Booking = Booking.Refused;
        Recompute();
    }

    /// <summary>
    /// The staff's mark, with arrival and departure times where the service bills by the hour.
    /// An absence is only recorded for a child who was expected.
    /// </summary>
    public void Mark(AttendanceMark mark, TimeOnly? arrivedAt, TimeOnly? leftAt, DateTime markedAt, Guid? markedBy)
    {
        Attendance = mark is AttendanceMark.AbsentExcused or AttendanceMark.AbsentUnexcused && !WasExpected ? AttendanceMark.NotMarked : mark;
        ArrivedAt = Attendance == AttendanceMark.Present ? arrivedAt : null;
        LeftAt = Attendance == AttendanceMark.Present ? leftAt : null;
        MarkedAt = markedAt;
        MarkedBy = markedBy;
        Recompute();
    }

    /// <summary>Whether the child was expected on the day (booked, or cancelled too late).</summary>
    public bool WasExpected => Booking is Booking.Reserved or Booking.CancelledLate;

    /// <summary>
    /// Whether a mark made at <paramref name="markedAt"/> replaces the one kept: the last write wins, and of
    /// two marks made at the same instant, the one received last (a replay is recognised earlier, by its id).
    /// </summary>
    public bool IsOlderThan(DateTime markedAt) => MarkedAt is null || markedAt >= MarkedAt;

    /// <summary>The one state, from the booking and the mark.</summary>
    public static DayState StateOf(Booking booking, AttendanceMark attendance) => attendance switch
    {
        AttendanceMark.Present => booking is Booking.Reserved or Booking.CancelledLate ? DayState.Present : DayState.PresentWithoutReservation,
        AttendanceMark.AbsentExcused => DayState.AbsentExcused,
        AttendanceMark.AbsentUnexcused => DayState.AbsentUnexcused,
        _ => booking switch
        {
            Booking.WaitingList => DayState.WaitingList,
            Booking.Refused => DayState.Refused,
            Booking.CancelledLate => DayState.CancelledLate,
            _ => DayState.Reserved,
        },
    };

    private void Recompute() => State = StateOf(Booking, Attendance);
}
