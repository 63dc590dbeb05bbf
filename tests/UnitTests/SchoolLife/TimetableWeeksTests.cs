using Preau.Identity.Calendar;
using Preau.Identity.Contracts;
using Preau.SchoolLife.Timetable;

namespace Preau.UnitTests.SchoolLife;

public sealed class TimetableWeeksTests
{
    private static readonly SchoolYearInfo Year = new(Guid.NewGuid(), "2026-2027", new DateOnly(2026, 9, 1), new DateOnly(2027, 7, 3));
    private static readonly SchoolCalendar Calendar = new([Year], SchoolHoliday.Indicative(2026));
    private static readonly Guid School = Guid.NewGuid();
    private static readonly Guid Class = Guid.NewGuid();
    private static readonly Guid Teacher = Guid.NewGuid();
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Fact]
    public void WeekOf_ReferenceAndFollowingWeeks_Alternate()
    {
        var reference = new DateOnly(2026, 8, 31);

        Assert.Equal(WeekPattern.A, WeekAlternation.WeekOf(new DateOnly(2026, 9, 2), reference, true, Calendar));
        Assert.Equal(WeekPattern.B, WeekAlternation.WeekOf(new DateOnly(2026, 9, 10), reference, true, Calendar));
        Assert.Equal(WeekPattern.A, WeekAlternation.WeekOf(new DateOnly(2026, 9, 18), reference, true, Calendar));
    }

    [Fact]
    public void WeekOf_OneWeekOfHolidays_SkippedOrCountedAsTheSchoolSays()
    {
        // A calendar with a single week off (2 to 6 November): skipping it keeps the alternation going.
        var calendar = new SchoolCalendar([Year], [new HolidayPeriod("Pont", new DateOnly(2026, 10, 31), new DateOnly(2026, 11, 8))]);
        var reference = new DateOnly(2026, 10, 26);
        var weekBack = new DateOnly(2026, 11, 9);

        Assert.Equal(WeekPattern.B, WeekAlternation.WeekOf(weekBack, reference, skipWeeksWithoutSchool: true, calendar));
        Assert.Equal(WeekPattern.A, WeekAlternation.WeekOf(weekBack, reference, skipWeeksWithoutSchool: false, calendar));
        Assert.Equal(WeekPattern.B, WeekAlternation.WeekOf(new DateOnly(2026, 10, 20), reference, skipWeeksWithoutSchool: true, calendar));
    }

    [Fact]
    public void Build_WeeklySlot_IsPlacedOnItsWeekdayOnly()
    {
        var slot = Slot(DayOfWeek.Tuesday, 9);

        var days = Build(Monday, Monday.AddDays(4), [slot], []);

        Assert.Equal(5, days.Count);
        var lesson = Assert.Single(days.SelectMany(d => d.Lessons));
        Assert.Equal(new DateOnly(2026, 11, 24), lesson.Date);
        Assert.Equal(LessonStatus.Planned, lesson.Status);
    }

    [Fact]
    public void Build_PublicAndSchoolHolidays_HaveNoLessons()
    {
        var wednesday = Slot(DayOfWeek.Wednesday, 9);

        var armistice = Assert.Single(Build(new DateOnly(2026, 11, 11), new DateOnly(2026, 11, 11), [wednesday], []));
        var christmas = Assert.Single(Build(new DateOnly(2026, 12, 23), new DateOnly(2026, 12, 23), [wednesday], []));

        Assert.Equal("Armistice 1918", armistice.ClosedReason);
        Assert.Empty(armistice.Lessons);
        Assert.Equal("Vacances de Noël", christmas.ClosedReason);
        Assert.Empty(christmas.Lessons);
    }

    [Fact]
    public void Build_WeekASlot_OnlyInWeeksA()
    {
        var slot = Slot(DayOfWeek.Monday, 14, WeekPattern.B);
        // Default reference: the week of 1 September 2026 is A. Twelve weeks later, less the two weeks of
        // All Saints' holidays, 23 November 2026 is in week A again; 30 November is in week B.
        var days = Build(Monday, Monday.AddDays(11), [slot], []);

        var lesson = Assert.Single(days.SelectMany(d => d.Lessons));
        Assert.Equal(new DateOnly(2026, 11, 30), lesson.Date);
    }

    [Fact]
    public void Build_CancelledLesson_StaysVisibleAsCancelled()
    {
        var slot = Slot(DayOfWeek.Monday, 8);
        var change = Change(slot, Monday, c => c.IsCancelled = true);

        var lesson = Assert.Single(Build(Monday, Monday, [slot], [change]).Single().Lessons);

        Assert.Equal(LessonStatus.Cancelled, lesson.Status);
        Assert.Same(change, lesson.Change);
    }

    [Fact]
    public void Build_LessonMovedToAnotherDay_ShowsAtBothPlaces()
    {
        var slot = Slot(DayOfWeek.Monday, 8);
        var change = Change(slot, Monday, c =>
        {
            c.MovedTo = Monday.AddDays(3);
            c.NewStartsAt = new TimeOnly(15, 0);
            c.NewEndsAt = new TimeOnly(16, 0);
        });

        var days = Build(Monday, Monday.AddDays(4), [slot], [change]);

        var away = Assert.Single(days[0].Lessons);
        var moved = Assert.Single(days[3].Lessons);
        Assert.Equal(LessonStatus.MovedAway, away.Status);
        Assert.Equal(LessonStatus.Changed, moved.Status);
        Assert.Equal(new TimeOnly(15, 0), moved.StartsAt);
        Assert.Equal(Monday, moved.PlannedOn);
    }

    [Fact]
    public void Build_ReplacementAndRoom_ChangeWhoAndWhere()
    {
        var slot = Slot(DayOfWeek.Monday, 8);
        var replacement = Guid.NewGuid();
        var change = Change(slot, Monday, c =>
        {
            c.ReplacementTeacherId = replacement;
            c.NewRoom = "C4";
        });

        var lesson = Assert.Single(Build(Monday, Monday, [slot], [change]).Single().Lessons);

        Assert.Equal(LessonStatus.Changed, lesson.Status);
        Assert.Equal(replacement, lesson.TeacherId);
        Assert.Equal("C4", lesson.Room);
        Assert.True(lesson.IsUpcomingChange(Monday));
        Assert.False(lesson.IsUpcomingChange(Monday.AddDays(1)));
    }

    [Fact]
    public void Build_SlotKnownOnlyThroughAChange_AppearsOnlyThatDay()
    {
        // A teacher replacing in another teacher's class: the lesson is theirs that day only.
        var theirs = Slot(DayOfWeek.Monday, 10);
        var change = Change(theirs, Monday, c => c.ReplacementTeacherId = Guid.NewGuid());

        var days = TimetableWeeks.Build(Monday, Monday.AddDays(7), [], [change], [theirs], Calendar, _ => null);

        var lesson = Assert.Single(days.SelectMany(d => d.Lessons));
        Assert.Equal(Monday, lesson.Date);
    }

    [Fact]
    public void Build_LessonsOfADay_AreInTimeOrder()
    {
        var days = Build(Monday, Monday, [Slot(DayOfWeek.Monday, 14), Slot(DayOfWeek.Monday, 8), Slot(DayOfWeek.Monday, 10)], []);

        Assert.Equal([8, 10, 14], days.Single().Lessons.Select(l => l.StartsAt.Hour));
    }

    [Fact]
    public void Overlaps_SameDayAndWeeks_OnlyWhenTimesCross()
    {
        var slot = Slot(DayOfWeek.Monday, 8, WeekPattern.A);

        Assert.True(slot.Overlaps(DayOfWeek.Monday, new TimeOnly(8, 30), new TimeOnly(9, 30), WeekPattern.Every));
        Assert.False(slot.Overlaps(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(10, 0), WeekPattern.Every));
        Assert.False(slot.Overlaps(DayOfWeek.Monday, new TimeOnly(8, 0), new TimeOnly(9, 0), WeekPattern.B));
        Assert.False(slot.Overlaps(DayOfWeek.Tuesday, new TimeOnly(8, 0), new TimeOnly(9, 0), WeekPattern.A));
    }

    [Fact]
    public void TakesPlaceOn_WrongWeekdayHolidayOrWeek_IsFalse()
    {
        var monday = Slot(DayOfWeek.Monday, 8);
        var weekB = Slot(DayOfWeek.Monday, 9, WeekPattern.B);

        Assert.True(TimetableWeeks.TakesPlaceOn(monday, Monday, Calendar, null));
        Assert.False(TimetableWeeks.TakesPlaceOn(monday, Monday.AddDays(1), Calendar, null));
        Assert.False(TimetableWeeks.TakesPlaceOn(monday, new DateOnly(2026, 12, 21), Calendar, null));
        Assert.False(TimetableWeeks.TakesPlaceOn(weekB, Monday, Calendar, null));
        Assert.True(TimetableWeeks.TakesPlaceOn(weekB, Monday, Calendar, new ScheduleSettings { SchoolId = School, WeekAReference = Monday.AddDays(-7) }));
    }

    private static IReadOnlyList<TimetableDay> Build(DateOnly from, DateOnly to, TimetableSlot[] slots, TimetableChange[] changes) =>
        TimetableWeeks.Build(from, to, slots, changes, [], Calendar, _ => null);

    private static TimetableSlot Slot(DayOfWeek day, int hour, WeekPattern weeks = WeekPattern.Every) => new()
    {
        SchoolId = School,
        SchoolYearId = Year.Id,
        ClassGroupId = Class,
        Day = day,
        StartsAt = new TimeOnly(hour, 0),
        EndsAt = new TimeOnly(hour + 1, 0),
        Subject = $"Matière de {hour} h",
        TeacherId = Teacher,
        Room = "A1",
        Weeks = weeks,
    };

    private static TimetableChange Change(TimetableSlot slot, DateOnly day, Action<TimetableChange> apply)
    {
        var change = new TimetableChange { SchoolId = School, ClassGroupId = Class, SlotId = slot.Id, LessonOn = day };
        apply(change);
        return change;
    }
}
