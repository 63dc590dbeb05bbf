using System.Security.Claims;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;
using Preau.SchoolLife.Homework;
using Preau.SchoolLife.Timetable;

namespace Preau.SchoolLife.Today;

/// <summary>One followed pupil's day: today's and the next school day's lessons, and the work due soon.</summary>
internal sealed record PupilDay(FollowedPupil Pupil, TimetableDay? Today, TimetableDay? Next, IReadOnlyList<PupilDueWork> Due);

/// <summary>The family's "today": a card per followed pupil.</summary>
internal sealed record FamilyDayModel(IReadOnlyList<PupilDay> Pupils, TimetableNames Names, DateOnly Today, Guid ReaderId);

/// <summary>
/// The home page of a guardian (a card per child) or a pupil: today's and the next school day's timetable
/// with its changes, and the work due in the coming week with its "done" and "new" marks. Four indexed
/// queries whatever the number of children: the children and their groups, the changes of the two days,
/// the work due with its "done" marks, the reader's last visits (slots, names, settings and calendar are
/// cached).
/// </summary>
internal sealed class FamilyDaySection(
    FollowedPupils followedPupils,
    ReadTimetable timetables,
    ListHomeworkForPupils homework,
    IStructureDirectory directory,
    HomeScopes scopes,
    TenantContext tenant,
    TimeProvider clock) : IHomeSection
{
    /// <summary>How far ahead the home page lists work due.</summary>
    public const int DueDaysAhead = 7;

    public int Order => 20;

    public async Task<HomeSectionView?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.HasAnyProfile(Profile.Guardian | Profile.Pupil))
        {
            return null;
        }

        var pupils = await followedPupils.ForUserAsync(user, cancellationToken);
        if (pupils.Count == 0)
        {
            return null;
        }

        var today = tenant.Today(clock);
        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);
        var next = NextSchoolDay(today, calendar);
        var timetableGroups = pupils.Where(p => p.SeesTimetable).SelectMany(p => p.GroupIds).Distinct().ToList();
        var days = timetableGroups.Count == 0 ? [] : await timetables.ForGroupsAsync(timetableGroups, today, next ?? today, cancellationToken);
        var names = await timetables.NamesAsync(days, cancellationToken, pupils.SelectMany(p => p.Groups).DistinctBy(g => g.ClassGroupId).ToDictionary(g => g.ClassGroupId, g => g.Name));
        var readerId = user.RequiredAccountId();
        var due = await homework.DueAsync(readerId, pupils.Where(p => p.SeesHomework).SelectMany(p => p.Groups).ToList(), today, today.AddDays(DueDaysAhead), cancellationToken);

        // A pupil's own card holds the "done" buttons' forms, whose anti-forgery token is not to be kept.
        if (pupils.All(p => p.Pupil.Id != readerId))
        {
            scopes.Follow([readerId, tenant.RequiredTerritoryId, .. pupils.Select(p => p.Pupil.Id), .. pupils.SelectMany(p => p.Groups).SelectMany(g => new[] { g.ClassGroupId, g.SchoolId })]);
        }

        var model = pupils.Select(p => new PupilDay(
                p,
                p.SeesTimetable ? DayOf(days, today, p) : null,
                p.SeesTimetable && next is { } nextDay ? DayOf(days, nextDay, p) : null,
                due.Where(d => d.PupilId == p.Pupil.Id).ToList()))
            .ToList();
        return new HomeSectionView("/Pages/Today/_FamilyDay.cshtml", new FamilyDayModel(model, names, today, readerId));
    }

    /// <summary>The first school day after today, within a month (none in the summer).</summary>
    public static DateOnly? NextSchoolDay(DateOnly today, SchoolCalendar calendar)
    {
        for (var day = today.AddDays(1); day <= today.AddDays(31); day = day.AddDays(1))
        {
            if (calendar.IsSchoolDay(day))
            {
                return day;
            }
        }

        return null;
    }

    private static TimetableDay? DayOf(IReadOnlyList<TimetableDay> days, DateOnly date, FollowedPupil pupil) =>
        days.FirstOrDefault(d => d.Date == date) is { } day
            ? day with { Lessons = day.Lessons.Where(l => pupil.GroupIds.Contains(l.Slot.ClassGroupId)).ToList() }
            : null;
}
