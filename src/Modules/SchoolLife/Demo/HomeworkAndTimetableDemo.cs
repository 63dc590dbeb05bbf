using Preau.Identity.Contracts;
using Preau.Platform.Demo;
using Preau.Platform.Tenancy;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Homework;
using Preau.SchoolLife.Timetable;

namespace Preau.SchoolLife.Demo;

/// <summary>
/// The demo territory's timetables and homework: the CM2 of enseignante.cm2 and the 6e A of
/// professeur.maths get their week (with A/B weeks in the 6e), three weeks of sessions behind and two
/// ahead, a few changes in the coming days, and Lucas's "done" marks, so that parent.martin, eleve.lucas
/// and both teachers see a full "today".
/// </summary>
internal sealed class HomeworkAndTimetableDemo(SchoolLifeDbContext db, IStructureDirectory directory, TenantContext tenant, TimeProvider clock) : IDemoSeed
{
    /// <summary>The 6e A's week: per day, the subject of each hour of <see cref="HomeworkSamples.SecondaryHours"/>.</summary>
    private static readonly Dictionary<DayOfWeek, string[]> SixthGrade = new()
    {
        [DayOfWeek.Monday] = ["Mathématiques", "Français", "Histoire-géographie", "Anglais", "Sciences de la vie et de la Terre", "Éducation physique et sportive", "Éducation physique et sportive"],
        [DayOfWeek.Tuesday] = ["Français", "Mathématiques", "Anglais", "Physique-chimie", "Histoire-géographie", "Arts plastiques|Sciences de la vie et de la Terre", "Français"],
        [DayOfWeek.Wednesday] = ["Mathématiques", "Anglais", "Français", "Histoire-géographie"],
        [DayOfWeek.Thursday] = ["Français", "Mathématiques", "Physique-chimie", "Sciences de la vie et de la Terre", "Éducation physique et sportive", "Éducation physique et sportive", "Anglais"],
        [DayOfWeek.Friday] = ["Mathématiques", "Français", "Histoire-géographie", "Anglais", "Arts plastiques", "Physique-chimie", "Mathématiques"],
    };

    private static readonly Dictionary<string, string> Rooms = new(StringComparer.Ordinal)
    {
        ["Mathématiques"] = "B12",
        ["Français"] = "A3",
        ["Histoire-géographie"] = "A5",
        ["Anglais"] = "A7",
        ["Sciences de la vie et de la Terre"] = "Labo 1",
        ["Physique-chimie"] = "Labo 2",
        ["Éducation physique et sportive"] = "Gymnase",
        ["Arts plastiques"] = "Atelier",
    };

    public int Order => 20;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var schools = await directory.ListSchoolsAsync(cancellationToken);
        if (schools.FirstOrDefault(s => s.Kind == SchoolKind.Elementaire) is not { } elementary
            || schools.FirstOrDefault(s => s.Kind == SchoolKind.College) is not { } college
            || (await directory.ListClassGroupsOfSchoolAsync(elementary.Id, cancellationToken)).FirstOrDefault(g => g.Level == "CM2") is not { } cm2
            || (await directory.ListClassGroupsOfSchoolAsync(college.Id, cancellationToken)).FirstOrDefault(g => g.Name == "6e A") is not { } sixth)
        {
            return;
        }

        var teaching = await directory.ListTeachingOfGroupsAsync([cm2.Id, sixth.Id], cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var cm2Teacher = teaching.First(t => t.ClassGroupId == cm2.Id).TeacherId;
        var sixthTeachers = teaching.Where(t => t.ClassGroupId == sixth.Id && t.Subject is not null).ToDictionary(t => t.Subject!, t => t.TeacherId);

        var slots = HomeworkSamples.Elementary
            .Select(s => HomeworkSamples.Slot(cm2, s.Day, s.Start, s.End, s.Subject, cm2Teacher, s.Subject == "Éducation physique et sportive" ? "Gymnase" : "Salle 12", WeekPattern.Every, now))
            .ToList();
        foreach (var (day, subjects) in SixthGrade)
        {
            var hours = HomeworkSamples.SecondaryHours(day);
            for (var i = 0; i < subjects.Length; i++)
            {
                // "Arts plastiques|SVT": week A one subject, week B the other.
                var alternatives = subjects[i].Split('|');
                for (var a = 0; a < alternatives.Length; a++)
                {
                    var subject = alternatives[a];
                    var weeks = alternatives.Length == 1 ? WeekPattern.Every : a == 0 ? WeekPattern.A : WeekPattern.B;
                    slots.Add(HomeworkSamples.Slot(sixth, day, hours[i].Start, hours[i].End, subject, sixthTeachers.GetValueOrDefault(subject), Rooms.GetValueOrDefault(subject), weeks, now));
                }
            }
        }

        db.TimetableSlots.AddRange(slots);
        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);
        var today = tenant.Today(clock);
        var entries = new List<HomeworkEntry>();
        var index = 0;
        for (var day = today.AddDays(-21); day <= today.AddDays(14); day = day.AddDays(1))
        {
            if (!calendar.IsSchoolDay(day))
            {
                continue;
            }

            foreach (var slot in slots.Where(s => TimetableWeeks.TakesPlaceOn(s, day, calendar, null)).DistinctBy(s => (s.ClassGroupId, s.Subject)))
            {
                // The CM2 log has its French and maths every day, the afternoon subject one day out of two.
                if (slot.ClassGroupId == cm2.Id && slot.StartsAt.Hour >= 13 && index % 2 == 0)
                {
                    index++;
                    continue;
                }

                var (lesson, work) = HomeworkSamples.For(slot.Subject, index++);
                var due = work is null ? (DateOnly?)null : DueAfter(day, index % 3 == 0 ? 2 : 1, calendar);
                var isFuture = day > today;
                // Today's sessions are the teachers' to write (their home page offers it); ahead of today, only
                // the 6e A's maths sessions of the coming week are prepared in advance, hidden until their day.
                if (day == today || (isFuture && (slot.ClassGroupId != sixth.Id || slot.Subject != "Mathématiques" || day > today.AddDays(7))))
                {
                    continue;
                }

                var publishAt = tenant.ToUtc(day, isFuture ? new TimeOnly(8, 0) : new TimeOnly(17, 30));
                // Past publications were notified back then; the prepared ones will be at their time.
                entries.Add(HomeworkSamples.Session(slot, day, lesson, work, due, 15 + (5 * (index % 4)), publishAt, now));
            }
        }

        db.HomeworkEntries.AddRange(entries);
        foreach (var scheduled in entries.Where(e => e.PublishAt > now))
        {
            db.Publish(new HomeworkPublished(scheduled.Id, scheduled.PublishAt), scheduled.PublishAt);
        }

        await AddLucasMarksAsync(cm2, entries, today, now, cancellationToken);
        AddChanges(slots, cm2, sixth, calendar, today, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task AddLucasMarksAsync(ClassGroupInfo cm2, List<HomeworkEntry> entries, DateOnly today, DateTime now, CancellationToken cancellationToken)
    {
        // Lucas (eleve.lucas) ticks most of his past work and some of today's.
        var lucas = (await directory.ListPupilsOfGroupAsync(cm2.Id, cancellationToken)).FirstOrDefault(p => p.FirstName == "Lucas" && p.LastName == "Martin");
        if (lucas is null)
        {
            return;
        }

        var n = 0;
        foreach (var entry in entries.Where(e => e.ClassGroupId == cm2.Id && e.DueOn is { } due && due <= today.AddDays(1) && e.PublishAt <= now))
        {
            if (entry.DueOn < today ? n++ % 5 != 0 : n++ % 2 == 0)
            {
                db.HomeworkDone.Add(new HomeworkDone { EntryId = entry.Id, PupilId = lucas.Id, DoneAt = entry.PublishAt.AddHours(3) });
            }
        }
    }

    private void AddChanges(List<TimetableSlot> slots, ClassGroupInfo cm2, ClassGroupInfo sixth, SchoolCalendar calendar, DateOnly today, DateTime now)
    {
        var next = Today.FamilyDaySection.NextSchoolDay(today, calendar) ?? today;
        TimetableChange? Change(Guid groupId, string subject, DateOnly from, Action<TimetableChange> apply)
        {
            for (var day = from; day <= from.AddDays(7); day = day.AddDays(1))
            {
                if (slots.FirstOrDefault(s => s.ClassGroupId == groupId && s.Subject == subject && TimetableWeeks.TakesPlaceOn(s, day, calendar, null)) is { } slot)
                {
                    var change = new TimetableChange { SchoolId = slot.SchoolId, ClassGroupId = slot.ClassGroupId, SlotId = slot.Id, LessonOn = day, CreatedAt = now, UpdatedAt = now };
                    apply(change);
                    db.TimetableChanges.Add(change);
                    return change;
                }
            }

            return null;
        }

        Change(sixth.Id, "Mathématiques", next, c => { c.NewRoom = "C4"; c.Note = "Séance en salle informatique"; });
        Change(sixth.Id, "Physique-chimie", next, c => { c.IsCancelled = true; c.Note = "Professeur en formation"; });
        Change(cm2.Id, "Éducation physique et sportive", today, c => { c.NewRoom = "Salle 12"; c.Note = "Gymnase fermé : séance en classe"; });
    }

    private static DateOnly DueAfter(DateOnly day, int schoolDays, SchoolCalendar calendar)
    {
        var due = day;
        for (var i = 0; i < schoolDays; i++)
        {
            do
            {
                due = due.AddDays(1);
            }
            while (!calendar.IsSchoolDay(due) && due < day.AddDays(30));
        }

        return due;
    }
}
