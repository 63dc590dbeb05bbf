using Preau.FamilyServices.Reservations;

namespace Preau.UnitTests.FamilyServices;

public sealed class DayStateTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 7, 30, 0, DateTimeKind.Utc);

    private static ChildDay Booked(bool late = false)
    {
        var day = new ChildDay { ChildId = Guid.NewGuid(), ServiceId = Guid.NewGuid(), Day = new DateOnly(2026, 11, 26) };
        day.Book(Guid.NewGuid(), full: false, late, Now);
        return day;
    }

    [Theory]
    [InlineData("Reserved", "NotMarked", "Reserved")]
    [InlineData("WaitingList", "NotMarked", "WaitingList")]
    [InlineData("Refused", "NotMarked", "Refused")]
    [InlineData("CancelledLate", "NotMarked", "CancelledLate")]
    [InlineData("Reserved", "Present", "Present")]
    [InlineData("CancelledLate", "Present", "Present")]
    [InlineData("None", "Present", "PresentWithoutReservation")]
    [InlineData("WaitingList", "Present", "PresentWithoutReservation")]
    [InlineData("Reserved", "AbsentExcused", "AbsentExcused")]
    [InlineData("Reserved", "AbsentUnexcused", "AbsentUnexcused")]
    public void StateOf_BookingAndMark_GivesTheOneState(string booking, string mark, string expected) =>
        Assert.Equal(Enum.Parse<DayState>(expected), ChildDay.StateOf(Enum.Parse<Booking>(booking), Enum.Parse<AttendanceMark>(mark)));

    [Fact]
    public void Mark_PresentThenCorrected_RestoresTheBooking()
    {
        var day = Booked();
        day.Mark(AttendanceMark.Present, null, null, Now, null);
        Assert.Equal(DayState.Present, day.State);

        day.Mark(AttendanceMark.NotMarked, null, null, Now.AddMinutes(1), null);

        Assert.Equal(DayState.Reserved, day.State);
        Assert.False(day.IsMarked);
    }

    [Fact]
    public void Mark_AbsenceOfAChildNotExpected_RecordsNothing()
    {
        var day = new ChildDay { ChildId = Guid.NewGuid(), ServiceId = Guid.NewGuid(), Day = new DateOnly(2026, 11, 26) };
        day.Mark(AttendanceMark.Present, new TimeOnly(16, 40), null, Now, null);
        day.Mark(AttendanceMark.AbsentUnexcused, null, null, Now.AddMinutes(1), null);

        Assert.True(day.IsEmpty);
        Assert.Null(day.ArrivedAt);
    }

    [Fact]
    public void Mark_Present_KeepsTheTimesOnlyForAPresence()
    {
        var day = Booked();
        day.Mark(AttendanceMark.Present, new TimeOnly(16, 35), new TimeOnly(18, 5), Now, null);
        Assert.Equal(new TimeOnly(18, 5), day.LeftAt);

        day.Mark(AttendanceMark.AbsentExcused, new TimeOnly(16, 35), null, Now.AddMinutes(1), null);

        Assert.Equal(DayState.AbsentExcused, day.State);
        Assert.Null(day.ArrivedAt);
    }

    [Fact]
    public void IsOlderThan_LastWriteWins_ByTheTimeOfTheMark()
    {
        var day = Booked();
        day.Mark(AttendanceMark.Present, null, null, Now, null);

        Assert.True(day.IsOlderThan(Now.AddSeconds(1)));
        Assert.True(day.IsOlderThan(Now));
        Assert.False(day.IsOlderThan(Now.AddSeconds(-1)));
    }

    [Fact]
    public void Cancel_OnTime_LeavesNothing_Late_KeepsItFlagged()
    {
        var onTime = Booked();
        onTime.Cancel(late: false);
        Assert.True(onTime.IsEmpty);

        var late = Booked();
        late.Cancel(late: true);
        Assert.Equal(DayState.CancelledLate, late.State);
        Assert.True(late.LateChange);
        Assert.True(late.WasExpected);
    }

    [Fact]
    public void Book_FullDay_WaitsThenIsPromoted()
    {
        var day = new ChildDay { ChildId = Guid.NewGuid(), ServiceId = Guid.NewGuid(), Day = new DateOnly(2026, 11, 25) };
        day.Book(Guid.NewGuid(), full: true, late: false, Now);
        Assert.Equal(DayState.WaitingList, day.State);

        day.Promote();

        Assert.Equal(DayState.Reserved, day.State);
    }

    [Fact]
    public void Book_Late_IsFlaggedForTheLateTariff()
    {
        var day = Booked(late: true);

        Assert.Equal(DayState.Reserved, day.State);
        Assert.True(day.LateChange);
    }
}
