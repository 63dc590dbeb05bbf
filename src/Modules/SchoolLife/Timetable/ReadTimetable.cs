using Microsoft.EntityFrameworkCore;
using Preau.Identity.Contracts;
using Preau.SchoolLife.Data;

namespace Preau.SchoolLife.Timetable;

/// <summary>The names a timetable shows: teachers and classes or groups, by id.</summary>
internal sealed record TimetableNames(IReadOnlyDictionary<Guid, string> Teachers, IReadOnlyDictionary<Guid, string> Groups)
{
    public static readonly TimetableNames None = new(new Dictionary<Guid, string>(), new Dictionary<Guid, string>());

    public string? TeacherOf(Guid? id) => id is { } teacher ? Teachers.GetValueOrDefault(teacher) : null;

    public string? GroupOf(Guid id) => Groups.GetValueOrDefault(id);
}

/// <summary>
/// Loads timetables for a period: the slots of some class groups (or of a teacher, cached), their changes
/// in the period (one indexed query, never cached), each school's settings and the calendar (cached), then
/// lays them out with <see cref="TimetableWeeks"/>.
/// </summary>
internal sealed class ReadTimetable(SchoolLifeDbContext db, IStructureDirectory directory, ScheduleSettingsStore settingsStore, TimetableCache cache)
{
    /// <summary>The timetable of classes and groups (a pupil's, a guardian's children's, a class's).</summary>
    public async Task<IReadOnlyList<TimetableDay>> ForGroupsAsync(IReadOnlyCollection<Guid> classGroupIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var days = DaysOfWeek(from, to);
        var all = await cache.SlotsOfGroupsAsync(classGroupIds, cancellationToken);
        var slots = all.Where(s => days.Contains(s.Day)).ToList();
        var changes = await ChangesOfGroups(db, [.. classGroupIds], from, to).ToListAsync(cancellationToken);
        // A lesson moved into the period from a weekday outside it needs its slot too.
        var changed = changes.Select(c => c.SlotId).ToHashSet();
        var moved = all.Where(s => changed.Contains(s.Id) && !days.Contains(s.Day)).ToList();
        return await BuildAsync(from, to, slots, changes, moved, cancellationToken);
    }

    // Compiled once: every family's home asks it (decision 0017).
    private static readonly Func<SchoolLifeDbContext, List<Guid>, DateOnly, DateOnly, IAsyncEnumerable<TimetableChange>> ChangesOfGroups = EF.CompileAsyncQuery(
        (SchoolLifeDbContext db, List<Guid> classGroupIds, DateOnly from, DateOnly to) => db.TimetableChanges.AsNoTracking()
            .Where(c => classGroupIds.Contains(c.ClassGroupId)
                && ((c.LessonOn >= from && c.LessonOn <= to) || (c.MovedTo >= from && c.MovedTo <= to))));

    private static readonly Func<SchoolLifeDbContext, List<Guid>, Guid, DateOnly, DateOnly, IAsyncEnumerable<TimetableChange>> ChangesOfTeacher = EF.CompileAsyncQuery(
        (SchoolLifeDbContext db, List<Guid> slotIds, Guid teacherId, DateOnly from, DateOnly to) => db.TimetableChanges.AsNoTracking()
            .Where(c => (slotIds.Contains(c.SlotId) || c.ReplacementTeacherId == teacherId)
                && ((c.LessonOn >= from && c.LessonOn <= to) || (c.MovedTo >= from && c.MovedTo <= to))));

    /// <summary>A teacher's timetable: their slots, and the lessons they replace another teacher in.</summary>
    public async Task<IReadOnlyList<TimetableDay>> ForTeacherAsync(Guid teacherId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var slots = (await cache.SlotsOfTeacherAsync(teacherId, cancellationToken)).ToList();
        var slotIds = slots.Select(s => s.Id).ToList();
        var changes = await ChangesOfTeacher(db, slotIds, teacherId, from, to).ToListAsync(cancellationToken);
        var replacedIn = changes.Where(c => c.ReplacementTeacherId == teacherId).Select(c => c.SlotId).Except(slotIds).ToList();
        var others = replacedIn.Count == 0 ? [] : await db.TimetableSlots.AsNoTracking().Where(s => replacedIn.Contains(s.Id)).ToListAsync(cancellationToken);
        // The teacher's own lessons given to a replacement stay, shown with who gives them (Lesson.TeacherId).
        return await BuildAsync(from, to, slots, changes, others, cancellationToken);
    }

    /// <summary>The names of the teachers and groups the days show (cached); the groups' may be known already.</summary>
    public async Task<TimetableNames> NamesAsync(IEnumerable<TimetableDay> days, CancellationToken cancellationToken, IReadOnlyDictionary<Guid, string>? knownGroups = null)
    {
        var lessons = days.SelectMany(d => d.Lessons).ToList();
        if (lessons.Count == 0)
        {
            return TimetableNames.None;
        }

        var teacherIds = lessons.SelectMany(l => new[] { l.TeacherId, l.Slot.TeacherId }).OfType<Guid>().Distinct().ToList();
        var groupIds = lessons.Select(l => l.Slot.ClassGroupId).Distinct().ToList();
        var teachers = teacherIds.Count == 0 ? new Dictionary<Guid, string>() : await cache.PeopleNamesAsync(teacherIds, cancellationToken);
        var groups = knownGroups is not null && groupIds.All(knownGroups.ContainsKey)
            ? knownGroups
            : await cache.GroupNamesAsync(groupIds, cancellationToken);
        return new TimetableNames(teachers, groups);
    }

    private async Task<IReadOnlyList<TimetableDay>> BuildAsync(DateOnly from, DateOnly to, IReadOnlyCollection<TimetableSlot> recurring, List<TimetableChange> changes, List<TimetableSlot> others, CancellationToken cancellationToken)
    {
        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);
        var settings = await settingsStore.ForSchoolsAsync(recurring.Concat(others).Select(s => s.SchoolId), cancellationToken);
        return TimetableWeeks.Build(from, to, recurring, changes, others, calendar, school => settings.GetValueOrDefault(school));
    }

    private static List<DayOfWeek> DaysOfWeek(DateOnly from, DateOnly to) =>
        to.DayNumber - from.DayNumber >= 6
            ? Enum.GetValues<DayOfWeek>().ToList()
            : Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => from.AddDays(i).DayOfWeek).Distinct().ToList();
}
