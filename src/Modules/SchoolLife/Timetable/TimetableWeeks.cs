using Preau.Identity.Contracts;

namespace Preau.SchoolLife.Timetable;

/// <summary>What became of a lesson.</summary>
internal enum LessonStatus
{
    /// <summary>As in the timetable.</summary>
    Planned,

    /// <summary>Cancelled.</summary>
    Cancelled,

    /// <summary>Held, with a change (time, day, room or teacher).</summary>
    Changed,

    /// <summary>Moved to another day: shown at its original place as a pointer.</summary>
    MovedAway,
}

/// <summary>One lesson on one day, with the change that applies to it, if any.</summary>
/// <param name="Slot">The recurring slot.</param>
/// <param name="Date">The day it is shown on.</param>
/// <param name="StartsAt">When it starts that day.</param>
/// <param name="EndsAt">When it ends that day.</param>
/// <param name="Room">Where.</param>
/// <param name="TeacherId">Who teaches it that day.</param>
/// <param name="Status">Planned, cancelled, changed or moved away.</param>
/// <param name="Change">The change, if any.</param>
internal sealed record Lesson(TimetableSlot Slot, DateOnly Date, TimeOnly StartsAt, TimeOnly EndsAt, string? Room, Guid? TeacherId, LessonStatus Status, TimetableChange? Change)
{
    /// <summary>The day the lesson was planned on: with the slot, it names the occurrence (calendar UIDs).</summary>
    public DateOnly PlannedOn => Change?.LessonOn ?? Date;

    /// <summary>Changes of the coming week are highlighted for families (today and the next seven days).</summary>
    public bool IsUpcomingChange(DateOnly today) => Change is not null && Date >= today && Date <= today.AddDays(7);
}

/// <summary>A day of a timetable: its lessons, or why there is no school.</summary>
/// <param name="Date">The day.</param>
/// <param name="ClosedReason">"Vacances de Noël", a public holiday's name, "Week-end"; null on a school day.</param>
/// <param name="Lessons">The lessons, by start time.</param>
internal sealed record TimetableDay(DateOnly Date, string? ClosedReason, IReadOnlyList<Lesson> Lessons);

/// <summary>
/// Lays recurring slots and their dated changes onto days, following the school calendar (no lessons
/// on school or public holidays) and each school's A/B alternation. Pure: the callers load the rows.
/// </summary>
internal static class TimetableWeeks
{
    /// <summary>Builds the days from <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    /// <param name="from">First day.</param>
    /// <param name="to">Last day.</param>
    /// <param name="recurring">The slots that take place every week (or every A/B week).</param>
    /// <param name="changes">Changes of those slots, or of <paramref name="others"/>, for the period.</param>
    /// <param name="others">Slots that appear only through a change (a lesson the reader replaces in).</param>
    /// <param name="calendar">The territory's school calendar.</param>
    /// <param name="settingsOf">A school's settings (null for the defaults).</param>
    public static IReadOnlyList<TimetableDay> Build(
        DateOnly from,
        DateOnly to,
        IReadOnlyCollection<TimetableSlot> recurring,
        IReadOnlyCollection<TimetableChange> changes,
        IReadOnlyCollection<TimetableSlot> others,
        SchoolCalendar calendar,
        Func<Guid, ScheduleSettings?> settingsOf)
    {
        var recurringIds = recurring.Select(s => s.Id).ToHashSet();
        var slotsById = recurring.Concat(others).DistinctBy(s => s.Id).ToDictionary(s => s.Id);
        var changeOf = changes.GroupBy(c => (c.SlotId, c.LessonOn)).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.UpdatedAt).First());
        var weekCache = new Dictionary<(Guid School, DateOnly Monday), WeekPattern?>();
        var days = new List<TimetableDay>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (ClosedReason(date, calendar) is { } reason)
            {
                days.Add(new TimetableDay(date, reason, []));
                continue;
            }

            var lessons = new List<Lesson>();
            foreach (var slot in recurring.Where(s => s.Day == date.DayOfWeek))
            {
                if (WeekOf(slot.SchoolId, date) is not { } week || !WeekAlternation.TakesPlace(slot.Weeks, week))
                {
                    continue;
                }

                lessons.Add(changeOf.TryGetValue((slot.Id, date), out var change) ? Apply(slot, date, change) : Planned(slot, date));
            }

            // Lessons held this day through a change: moved in from another day, or replaced in by the reader.
            foreach (var change in changeOf.Values.Where(c => !c.IsCancelled && c.HeldOn == date))
            {
                var movedIn = IsMovedToAnotherDay(change);
                if ((movedIn || !recurringIds.Contains(change.SlotId)) && slotsById.TryGetValue(change.SlotId, out var slot))
                {
                    lessons.Add(Held(slot, date, change));
                }
            }

            days.Add(new TimetableDay(date, null, lessons.OrderBy(l => l.StartsAt).ThenBy(l => l.Slot.Subject, StringComparer.CurrentCulture).ToList()));
        }

        return days;

        WeekPattern? WeekOf(Guid schoolId, DateOnly date)
        {
            var monday = WeekAlternation.MondayOf(date);
            if (!weekCache.TryGetValue((schoolId, monday), out var week))
            {
                var settings = settingsOf(schoolId);
                week = WeekAlternation.ReferenceFor(date, settings, calendar) is { } reference
                    ? WeekAlternation.WeekOf(date, reference, settings?.AlternationSkipsHolidays ?? true, calendar)
                    : null;
                weekCache[(schoolId, monday)] = week;
            }

            return week;
        }
    }

    /// <summary>Why there is no school on a day (weekend, public holiday, school holiday, outside the year), or null.</summary>
    public static string? ClosedReason(DateOnly date, SchoolCalendar calendar)
    {
        if (calendar.YearOf(date) is null)
        {
            return Platform.Localization.Text.Fr("Hors année scolaire");
        }

        if (FrenchPublicHolidays.Of(date.Year).TryGetValue(date, out var name))
        {
            return name;
        }

        if (calendar.HolidayOn(date) is { } holiday)
        {
            return holiday.Label;
        }

        return date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? Platform.Localization.Text.Fr("Week-end") : null;
    }

    /// <summary>Whether a slot takes place on a date: a school day, its weekday, and its week of the alternation.</summary>
    public static bool TakesPlaceOn(TimetableSlot slot, DateOnly date, SchoolCalendar calendar, ScheduleSettings? settings) =>
        slot.Day == date.DayOfWeek
        && ClosedReason(date, calendar) is null
        && WeekAlternation.ReferenceFor(date, settings, calendar) is { } reference
        && WeekAlternation.TakesPlace(slot.Weeks, WeekAlternation.WeekOf(date, reference, settings?.AlternationSkipsHolidays ?? true, calendar));

    private static bool IsMovedToAnotherDay(TimetableChange change) => change.MovedTo is { } to && to != change.LessonOn;

    private static Lesson Planned(TimetableSlot slot, DateOnly date) =>
        new(slot, date, slot.StartsAt, slot.EndsAt, slot.Room, slot.TeacherId, LessonStatus.Planned, null);

    private static Lesson Apply(TimetableSlot slot, DateOnly date, TimetableChange change)
    {
        if (change.IsCancelled)
        {
            return new Lesson(slot, date, slot.StartsAt, slot.EndsAt, slot.Room, slot.TeacherId, LessonStatus.Cancelled, change);
        }

        return IsMovedToAnotherDay(change)
            ? new Lesson(slot, date, slot.StartsAt, slot.EndsAt, slot.Room, slot.TeacherId, LessonStatus.MovedAway, change)
            : Held(slot, date, change);
    }

    private static Lesson Held(TimetableSlot slot, DateOnly date, TimetableChange change) =>
        new(slot, date, change.NewStartsAt ?? slot.StartsAt, change.NewEndsAt ?? slot.EndsAt, change.NewRoom ?? slot.Room,
            change.ReplacementTeacherId ?? slot.TeacherId, LessonStatus.Changed, change);
}
