using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Timetable;

namespace Preau.SchoolLife.Today;

/// <summary>A lesson the teacher gives today, with the homework entry already written for it, if any.</summary>
internal sealed record TeacherSession(Lesson Lesson, Guid? EntryId);

/// <summary>The teacher's "today".</summary>
internal sealed record TeacherDayModel(Guid TeacherId, DateOnly Today, string? ClosedReason, IReadOnlyList<TeacherSession> Sessions, TimetableNames Names, IReadOnlyList<ClassGroupInfo> TaughtGroups);

/// <summary>
/// A teacher's home: today's sessions (own lessons and lessons replaced in), each one tap from its
/// homework entry and from its roll call. Three indexed queries and the names.
/// </summary>
internal sealed class TeacherDaySection(
    ReadTimetable timetables,
    TimetableCache slotsCache,
    SchoolLifeDbContext db,
    IAccountRelations relations,
    IStructureDirectory directory,
    HomeScopes scopes,
    TenantContext tenant,
    TimeProvider clock) : IHomeSection
{
    public int Order => 20;

    public async Task<HomeSectionView?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.HasAnyProfile(Profile.Teacher))
        {
            return null;
        }

        var teacherId = user.RequiredAccountId();
        var today = tenant.Today(clock);
        var day = (await timetables.ForTeacherAsync(teacherId, today, today, cancellationToken)).Single();
        var lessons = day.Lessons.Where(l => l.TeacherId == teacherId && l.Status != LessonStatus.MovedAway).ToList();
        var written = lessons.Count == 0
            ? []
            : await WrittenOn(db, teacherId, today).ToListAsync(cancellationToken);
        var sessions = lessons
            .Select(l => new TeacherSession(l, written.FirstOrDefault(e => e.ClassGroupId == l.Slot.ClassGroupId && e.SessionStartsAt == l.StartsAt)?.Id))
            .ToList();
        var names = await timetables.NamesAsync([day with { Lessons = lessons }], cancellationToken);

        // Without lessons today (no timetable entered, a day off), the teacher's classes are one tap away.
        IReadOnlyList<ClassGroupInfo> groups = [];
        if (sessions.Count == 0)
        {
            var actor = await relations.ForUserAsync(user, cancellationToken);
            groups = actor.TaughtGroups.Count == 0 ? [] : await directory.GetClassGroupsAsync(actor.TaughtGroups.Keys, cancellationToken);
        }

        // A change to one of the teacher's slots carries the slot's class, not the teacher: every class they give lessons to is followed.
        var slots = await slotsCache.SlotsOfTeacherAsync(teacherId, cancellationToken);
        scopes.Follow([
            teacherId,
            tenant.RequiredTerritoryId,
            .. slots.Concat(day.Lessons.Select(l => l.Slot)).SelectMany(s => new[] { s.ClassGroupId, s.SchoolId }),
            .. groups.Select(g => g.Id)]);
        return new HomeSectionView("/Pages/Today/_TeacherDay.cshtml", new TeacherDayModel(teacherId, today, day.ClosedReason, sessions, names, groups));
    }

    private sealed record WrittenEntry(Guid Id, Guid ClassGroupId, TimeOnly? SessionStartsAt);

    // Compiled once: every teacher's home asks it (decision 0017).
    private static readonly Func<SchoolLifeDbContext, Guid, DateOnly, IAsyncEnumerable<WrittenEntry>> WrittenOn = EF.CompileAsyncQuery(
        (SchoolLifeDbContext db, Guid teacherId, DateOnly today) => db.HomeworkEntries.AsNoTracking()
            .Where(e => e.AuthorId == teacherId && e.SessionOn == today)
            .Select(e => new WrittenEntry(e.Id, e.ClassGroupId, e.SessionStartsAt)));
}
