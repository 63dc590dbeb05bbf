using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Localization;
using Preau.Platform.Tenancy;
using Preau.Platform.Text;
using Preau.SchoolLife.Homework;
using Preau.SchoolLife.Timetable;
using Preau.SchoolLife.Today;

namespace Preau.SchoolLife.Calendars;

/// <summary>
/// The iCalendar (RFC 5545) document of one account: the lessons of its timetable (a teacher's own, a
/// pupil's, a guardian's children's) and the due dates of homework, from last week to ten weeks ahead.
/// Times carry the territory's time zone with its VTIMEZONE; each lesson occurrence and each piece of work
/// keeps the same UID from one download to the next, so calendar apps update events instead of
/// duplicating them; a cancelled lesson stays with STATUS:CANCELLED.
/// </summary>
internal sealed class BuildCalendarFeed(
    IAccountRelations relations,
    IStructureDirectory directory,
    FollowedPupils followedPupils,
    ReadTimetable timetables,
    ListHomeworkForPupils homework,
    TenantContext tenant,
    TimeProvider clock,
    IStringLocalizer localizer)
{
    /// <summary>The UIDs' domain part (RFC 5545, 3.8.4.7: globally unique).</summary>
    public const string UidDomain = "preau.calendar";

    /// <summary>The document, or null when the account is gone (the feed then answers "not found").</summary>
    public async Task<string?> RunAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var reader = await relations.ForAccountAsync(accountId, cancellationToken);
        if (reader.AccountId == Guid.Empty)
        {
            return null;
        }

        var contact = await directory.GetContactsAsync([accountId], cancellationToken) is [var found, ..] ? found : null;
        using var culture = CultureScope.For(contact?.Language);
        var today = tenant.Today(clock);
        var from = WeekAlternation.MondayOf(today).AddDays(-7);
        var to = today.AddDays(70);
        var timeZone = tenant.TimeZone.Id;
        var calendar = new Calendar { ProductId = "-//Préau//Agenda scolaire//FR", Method = "PUBLISH" };
        calendar.AddTimeZone(timeZone);
        calendar.AddProperty("X-WR-CALNAME", localizer["Préau – emploi du temps et devoirs"]);
        calendar.AddProperty("X-WR-TIMEZONE", timeZone);
        var events = new Dictionary<string, (CalendarEvent Event, List<string> Names)>(StringComparer.Ordinal);

        if ((reader.Profiles & (Profile.Teacher | Profile.Head)) != Profile.None)
        {
            var days = await timetables.ForTeacherAsync(accountId, from, to, cancellationToken);
            var names = await timetables.NamesAsync(days, cancellationToken);
            foreach (var lesson in days.SelectMany(d => d.Lessons))
            {
                AddLesson(events, lesson, names, forName: null, showGroup: true, timeZone);
            }
        }

        var pupils = await followedPupils.ForAsync(reader, cancellationToken);
        var seeing = pupils.Where(p => p.SeesTimetable).ToList();
        if (seeing.Count > 0)
        {
            var days = await timetables.ForGroupsAsync(seeing.SelectMany(p => p.GroupIds).Distinct().ToList(), from, to, cancellationToken);
            var names = await timetables.NamesAsync(days, cancellationToken);
            foreach (var lesson in days.SelectMany(d => d.Lessons))
            {
                foreach (var pupil in seeing.Where(p => p.GroupIds.Contains(lesson.Slot.ClassGroupId)))
                {
                    AddLesson(events, lesson, names, pupil.Pupil.Id == accountId ? null : pupil.Pupil.FirstName, showGroup: false, timeZone);
                }
            }
        }

        var working = pupils.Where(p => p.SeesHomework).ToList();
        var due = await homework.DueAsync(accountId, working.SelectMany(p => p.Groups).ToList(), today.AddDays(-7), to, cancellationToken);
        foreach (var work in due)
        {
            var pupil = working.First(p => p.Pupil.Id == work.PupilId).Pupil;
            AddWork(events, work, pupil.Id == accountId ? null : pupil.FirstName);
        }

        foreach (var (calendarEvent, names) in events.Values)
        {
            if (names.Count > 0)
            {
                calendarEvent.Summary = $"{string.Join(", ", names)} · {calendarEvent.Summary}";
            }

            calendar.Events.Add(calendarEvent);
        }

        return new CalendarSerializer().SerializeToString(calendar);
    }

    private void AddLesson(Dictionary<string, (CalendarEvent Event, List<string> Names)> events, Lesson lesson, TimetableNames names, string? forName, bool showGroup, string timeZone)
    {
        // A lesson moved to another day is one occurrence: it is published where it is held, under the same UID.
        if (lesson.Status == LessonStatus.MovedAway)
        {
            return;
        }

        var uid = $"lesson-{lesson.Slot.Id:N}-{lesson.PlannedOn:yyyyMMdd}@{UidDomain}";
        if (!events.TryGetValue(uid, out var existing))
        {
            var summary = showGroup && names.GroupOf(lesson.Slot.ClassGroupId) is { } group ? $"{lesson.Slot.Subject} – {group}" : lesson.Slot.Subject;
            var description = new List<string>();
            if (names.TeacherOf(lesson.TeacherId) is { } teacher)
            {
                description.Add(lesson.TeacherId != lesson.Slot.TeacherId ? localizer["Remplacé par {0}", teacher].Value : teacher);
            }

            if (lesson.Change?.Note is { } note)
            {
                description.Add(note);
            }

            var calendarEvent = new CalendarEvent
            {
                Uid = uid,
                Summary = lesson.Status == LessonStatus.Cancelled ? $"{summary} ({localizer["annulé"]})" : summary,
                DtStart = new CalDateTime(lesson.Date, lesson.StartsAt, timeZone),
                DtEnd = new CalDateTime(lesson.Date, lesson.EndsAt, timeZone),
                Location = lesson.Room,
                Description = description.Count > 0 ? string.Join("\n", description) : null,
                Status = lesson.Status == LessonStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                // A changed occurrence gets a higher sequence so that apps replace the version they hold (RFC 5545, 3.8.7.4).
                Sequence = lesson.Change is null ? 0 : 1,
                DtStamp = new CalDateTime(clock.GetUtcNow().UtcDateTime, hasTime: true),
            };
            if (lesson.Change is { } change)
            {
                calendarEvent.LastModified = new CalDateTime(DateTime.SpecifyKind(change.UpdatedAt, DateTimeKind.Utc), hasTime: true);
            }

            existing = (calendarEvent, []);
            events[uid] = existing;
        }

        if (forName is not null && !existing.Names.Contains(forName))
        {
            existing.Names.Add(forName);
        }
    }

    private void AddWork(Dictionary<string, (CalendarEvent Event, List<string> Names)> events, PupilDueWork work, string? forName)
    {
        var uid = $"homework-{work.Work.EntryId:N}@{UidDomain}";
        if (!events.TryGetValue(uid, out var existing))
        {
            var calendarEvent = new CalendarEvent
            {
                Uid = uid,
                Summary = localizer["À faire : {0}", work.Work.Subject].Value,
                // An all-day event on the due date (DATE value, no time zone).
                DtStart = new CalDateTime(work.Work.DueOn),
                DtEnd = new CalDateTime(work.Work.DueOn.AddDays(1)),
                Description = RichText.ToPlainText(work.Work.WorkHtml),
                Transparency = "TRANSPARENT",
                DtStamp = new CalDateTime(clock.GetUtcNow().UtcDateTime, hasTime: true),
                LastModified = new CalDateTime(DateTime.SpecifyKind(work.Work.UpdatedAt, DateTimeKind.Utc), hasTime: true),
            };
            existing = (calendarEvent, []);
            events[uid] = existing;
        }

        if (forName is not null && !existing.Names.Contains(forName))
        {
            existing.Names.Add(forName);
        }
    }
}
