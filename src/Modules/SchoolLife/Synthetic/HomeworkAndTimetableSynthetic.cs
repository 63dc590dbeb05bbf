using Microsoft.Extensions.Logging;
using Preau.Identity.Contracts;
using Preau.Platform.Demo;
using Preau.Platform.Tenancy;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Demo;
using Preau.SchoolLife.Homework;
using Preau.SchoolLife.Timetable;

namespace Preau.SchoolLife.Synthetic;

/// <summary>
/// One school year of timetables and homework for a generated territory (benchmarks): every class of
/// every school gets its week (four days in primary school, a collège's week with A/B hours in
/// secondary), two sessions per class and school day with work due on the next school days, "done"
/// marks on the work of the weeks around today, and a few changes in the coming days. Written in
/// batches, change tracking cleared between them.
/// </summary>
internal sealed class HomeworkAndTimetableSynthetic(
    SchoolLifeDbContext db,
    IStructureDirectory directory,
    TenantContext tenant,
    TimeProvider clock,
    ILogger<HomeworkAndTimetableSynthetic> logger) : ISyntheticData
{
    private const int BatchSize = 5_000;

    /// <summary>Secondary-school subjects, in the order the week is filled, when a class's teachers do not say.</summary>
    private static readonly string[] SecondarySubjects =
        ["Français", "Mathématiques", "Histoire-géographie", "Anglais", "Sciences de la vie et de la Terre", "Physique-chimie", "Éducation physique et sportive", "Arts plastiques", "Espagnol"];

    private readonly List<object> _pending = [];

    public int Order => 20;

    public async Task GenerateAsync(SyntheticScale scale, CancellationToken cancellationToken)
    {
        var random = new Random(scale.Seed);
        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);
        var today = tenant.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var year = await directory.GetCurrentSchoolYearAsync(cancellationToken);
        if (year is null)
        {
            return;
        }

        var schoolDays = Enumerable.Range(0, year.EndsOn.DayNumber - year.StartsOn.DayNumber + 1)
            .Select(i => year.StartsOn.AddDays(i)).Where(calendar.IsSchoolDay).ToList();
        // Generated schools keep the default alternation (week A: the week the year starts): computed once per day.
        var weekOf = schoolDays.ToDictionary(d => d, d => WeekAlternation.WeekOf(d, year.StartsOn, skipWeeksWithoutSchool: true, calendar));
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var (schoolCount, slotCount, entryCount, doneCount) = (0, 0, 0, 0);
        foreach (var school in await directory.ListSchoolsAsync(cancellationToken))
        {
            var groups = (await directory.ListClassGroupsOfSchoolAsync(school.Id, cancellationToken)).Where(g => g.SchoolYearId == year.Id).ToList();
            var teaching = (await directory.ListTeachingOfGroupsAsync(groups.Select(g => g.Id), cancellationToken)).ToLookup(t => t.ClassGroupId);
            var secondary = school.Kind is SchoolKind.College or SchoolKind.Lycee;
            foreach (var group in groups)
            {
                var slots = secondary ? SecondaryWeek(group, teaching[group.Id].ToList(), random, now) : PrimaryWeek(group, teaching[group.Id].FirstOrDefault()?.TeacherId, now);
                slotCount += slots.Count;
                await AddAsync(slots, cancellationToken);

                var pupils = await directory.ListPupilsOfGroupAsync(group.Id, cancellationToken);
                var index = random.Next(1000);
                foreach (var day in schoolDays)
                {
                    var ofDay = slots.Where(s => s.Day == day.DayOfWeek && WeekAlternation.TakesPlace(s.Weeks, weekOf[day])).DistinctBy(s => s.Subject).ToList();
                    // Two sessions a day per class; a teacher writes the lesson at 17:30, families see it at once.
                    foreach (var slot in ofDay.OrderBy(_ => random.Next()).Take(2))
                    {
                        var (lesson, work) = HomeworkSamples.For(slot.Subject, index++);
                        var due = work is null ? (DateOnly?)null : NextSchoolDay(day, 1 + random.Next(2), schoolDays);
                        var publishAt = tenant.ToUtc(day, new TimeOnly(17, 30));
                        var entry = HomeworkSamples.Session(slot, day, lesson, work, due, 10 + (5 * random.Next(6)), publishAt, now);
                        entryCount++;
                        await AddAsync([entry], cancellationToken);

                        // "Done" marks on the work of the weeks around today: most of the past work, some of what is coming.
                        if (due is { } dueOn && Math.Abs(dueOn.DayNumber - today.DayNumber) <= 14)
                        {
                            var share = dueOn < today ? 0.7 : 0.25;
                            var marks = pupils.Where(_ => random.NextDouble() < share)
                                .Select(p => new HomeworkDone { EntryId = entry.Id, PupilId = p.Id, DoneAt = publishAt.AddHours(4) })
                                .ToList();
                            doneCount += marks.Count;
                            await AddAsync(marks, cancellationToken);
                        }
                    }
                }

                // A change in the coming days for one class in four: a cancellation or a room change.
                if (random.Next(4) == 0 && schoolDays.FirstOrDefault(d => d > today) is { } next && next != default
                    && slots.FirstOrDefault(s => TimetableWeeks.TakesPlaceOn(s, next, calendar, null)) is { } changed)
                {
                    var cancelled = random.Next(2) == 0;
                    await AddAsync([new TimetableChange
                    {
                        SchoolId = changed.SchoolId,
                        ClassGroupId = changed.ClassGroupId,
                        SlotId = changed.Id,
                        LessonOn = next,
                        IsCancelled = cancelled,
                        NewRoom = cancelled ? null : "Salle polyvalente",
                        Note = cancelled ? "Professeur absent" : null,
                        CreatedAt = now,
                        UpdatedAt = now,
                    }], cancellationToken);
                }
            }

            if (++schoolCount % 50 == 0)
            {
                logger.LogInformation("School life: {Schools} schools, {Slots} slots, {Entries} homework entries, {Done} done marks", schoolCount, slotCount, entryCount, doneCount);
            }
        }

        await FlushAsync(cancellationToken);
        logger.LogInformation("School life done: {Schools} schools, {Slots} slots, {Entries} homework entries, {Done} done marks", schoolCount, slotCount, entryCount, doneCount);
    }

    private static List<TimetableSlot> PrimaryWeek(ClassGroupInfo group, Guid? teacherId, DateTime now) =>
        HomeworkSamples.Elementary.Select(s => HomeworkSamples.Slot(group, s.Day, s.Start, s.End, s.Subject, teacherId, null, WeekPattern.Every, now)).ToList();

    private static List<TimetableSlot> SecondaryWeek(ClassGroupInfo group, List<TeachingInfo> teachers, Random random, DateTime now)
    {
        var subjects = teachers.Where(t => t.Subject is not null).DistinctBy(t => t.Subject).Select(t => (t.Subject!, (Guid?)t.TeacherId)).ToList();
        if (subjects.Count == 0)
        {
            var anyTeacher = teachers.Count > 0 ? teachers[0].TeacherId : (Guid?)null;
            subjects = SecondarySubjects.Select(s => (s, anyTeacher)).ToList();
        }

        var slots = new List<TimetableSlot>();
        var turn = random.Next(subjects.Count);
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
        {
            var hours = HomeworkSamples.SecondaryHours(day);
            for (var i = 0; i < hours.Count; i++)
            {
                var (subject, teacher) = subjects[turn++ % subjects.Count];
                // The last hour of Tuesday alternates between two subjects (weeks A and B).
                if (day == DayOfWeek.Tuesday && i == hours.Count - 1 && subjects.Count > 1)
                {
                    var (other, otherTeacher) = subjects[turn++ % subjects.Count];
                    slots.Add(HomeworkSamples.Slot(group, day, hours[i].Start, hours[i].End, subject, teacher, $"S{1 + random.Next(30)}", WeekPattern.A, now));
                    slots.Add(HomeworkSamples.Slot(group, day, hours[i].Start, hours[i].End, other, otherTeacher, $"S{1 + random.Next(30)}", WeekPattern.B, now));
                    continue;
                }

                slots.Add(HomeworkSamples.Slot(group, day, hours[i].Start, hours[i].End, subject, teacher, $"S{1 + random.Next(30)}", WeekPattern.Every, now));
            }
        }

        return slots;
    }

    private static DateOnly? NextSchoolDay(DateOnly day, int count, List<DateOnly> schoolDays)
    {
        var index = schoolDays.BinarySearch(day);
        var target = (index < 0 ? ~index : index + 1) + count - 1;
        return target < schoolDays.Count ? schoolDays[target] : null;
    }

    private async Task AddAsync(IEnumerable<object> rows, CancellationToken cancellationToken)
    {
        _pending.AddRange(rows);
        if (_pending.Count >= BatchSize)
        {
            await FlushAsync(cancellationToken);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        db.AddRange(_pending);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        _pending.Clear();
    }
}
