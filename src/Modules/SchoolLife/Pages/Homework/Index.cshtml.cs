using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Homework;
using Preau.SchoolLife.Today;

namespace Preau.SchoolLife.Pages.Homework;

/// <summary>
/// The homework log's entrance: a family's children (a pupil goes straight to their own), a teacher's
/// classes, a school's classes for its head and school-life staff, and the logs of past years.
/// </summary>
[Authorize(Policy = SchoolLifePermissions.ReadHomework)]
internal sealed class IndexModel(FollowedPupils followedPupils, IAccountRelations relations, IStructureDirectory directory, SchoolLifeDbContext db) : PageModel
{
    public IReadOnlyList<FollowedPupil> Pupils { get; private set; } = [];

    public IReadOnlyList<ClassGroupInfo> Taught { get; private set; } = [];

    public IReadOnlyList<(SchoolInfo School, IReadOnlyList<ClassGroupInfo> Groups)> Schools { get; private set; } = [];

    public IReadOnlyList<ClassGroupInfo> PastYears { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Pupils = (await followedPupils.ForUserAsync(User, cancellationToken)).Where(p => p.SeesHomework).ToList();
        var actor = await relations.ForUserAsync(User, cancellationToken);
        var readSchools = actor.SchoolRoles.Where(r => (r.Value & (Profile.Head | Profile.SchoolLifeStaff)) != Profile.None).Select(r => r.Key).ToList();
        if (Pupils.Count == 1 && actor.TaughtGroups.Count == 0 && readSchools.Count == 0)
        {
            return Redirect($"/cahier-de-textes/eleve/{Pupils[0].Pupil.Id}");
        }

        Taught = actor.TaughtGroups.Count == 0 ? [] : await directory.GetClassGroupsAsync(actor.TaughtGroups.Keys, cancellationToken);
        var schools = new List<(SchoolInfo, IReadOnlyList<ClassGroupInfo>)>();
        foreach (var school in await directory.GetSchoolsAsync(readSchools, cancellationToken))
        {
            schools.Add((school, await directory.ListClassGroupsOfSchoolAsync(school.Id, cancellationToken)));
        }

        Schools = schools;
        var staffSchools = actor.SchoolRoles.Where(r => (r.Value & HomeworkAuthorizationHandler.SchoolReaders) != Profile.None).Select(r => r.Key).ToList();
        if (staffSchools.Count > 0 && await directory.GetCurrentSchoolYearAsync(cancellationToken) is { } year)
        {
            var past = await db.HomeworkEntries.AsNoTracking()
                .Where(e => staffSchools.Contains(e.SchoolId) && e.SchoolYearId != year.Id)
                .Select(e => e.ClassGroupId).Distinct().OrderBy(id => id).Take(200).ToListAsync(cancellationToken);
            PastYears = past.Count == 0 ? [] : await directory.GetClassGroupsAsync(past, cancellationToken);
        }

        return Page();
    }
}
