using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.SchoolLife.Timetable;
using Preau.SchoolLife.Today;

namespace Preau.SchoolLife.Pages.Timetable;

/// <summary>A school's timetables, as its staff see them.</summary>
internal sealed record SchoolTimetables(SchoolInfo School, IReadOnlyList<ClassGroupInfo> Groups, IReadOnlyList<StaffInfo> Teachers, bool CanManage, bool CanSetUp);

/// <summary>
/// The timetables' entrance: a family's children (a pupil or a single child's guardian goes straight to
/// the week), a teacher's own week and classes, a school's classes and teachers for its staff.
/// </summary>
[Authorize(Policy = SchoolLifePermissions.ReadTimetable)]
internal sealed class IndexModel(FollowedPupils followedPupils, IAccountRelations relations, IStructureDirectory directory) : PageModel
{
    public IReadOnlyList<FollowedPupil> Pupils { get; private set; } = [];

    public bool IsTeacher { get; private set; }

    public Guid ReaderId { get; private set; }

    public IReadOnlyList<ClassGroupInfo> Taught { get; private set; } = [];

    public IReadOnlyList<SchoolTimetables> Schools { get; private set; } = [];

    public string WeekQuery { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string? semaine, CancellationToken cancellationToken)
    {
        WeekQuery = DayNames.TryParseIso(semaine, default, out var day) && day != default ? $"?semaine={DayNames.Iso(day)}" : string.Empty;
        Pupils = (await followedPupils.ForUserAsync(User, cancellationToken)).Where(p => p.SeesTimetable).ToList();
        var actor = await relations.ForUserAsync(User, cancellationToken);
        ReaderId = actor.AccountId;
        IsTeacher = User.HasAnyProfile(Profile.Teacher);
        var staffSchools = actor.SchoolRoles.Where(r => (r.Value & TimetableAuthorizationHandler.Managers) != Profile.None).ToList();
        if (Pupils.Count == 1 && !IsTeacher && staffSchools.Count == 0)
        {
            return Redirect($"/emploi-du-temps/eleve/{Pupils[0].Pupil.Id}{WeekQuery}");
        }

        Taught = actor.TaughtGroups.Count == 0 ? [] : await directory.GetClassGroupsAsync(actor.TaughtGroups.Keys, cancellationToken);
        var schools = new List<SchoolTimetables>();
        foreach (var school in await directory.GetSchoolsAsync(staffSchools.Select(s => s.Key), cancellationToken))
        {
            schools.Add(new SchoolTimetables(
                school,
                await directory.ListClassGroupsOfSchoolAsync(school.Id, cancellationToken),
                await directory.ListStaffOfSchoolAsync(school.Id, Profile.Teacher, cancellationToken),
                CanManage: true,
                CanSetUp: actor.Heads(school.Id)));
        }

        Schools = schools;
        return Page();
    }
}
