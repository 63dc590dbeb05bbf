using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.SchoolLife.Assessments;

namespace Preau.SchoolLife.Pages.Assessments;

/// <summary>Where assessments start: a teacher's classes and groups, a family's children, a pupil's own report.</summary>
[Authorize(Policy = SchoolLifePermissions.ReadAssessments)]
internal sealed class IndexModel(IAccountRelations relations, IStructureDirectory directory) : PageModel
{
    public IReadOnlyList<ClassGroupInfo> Groups { get; private set; } = [];

    public IReadOnlyList<PupilInfo> Pupils { get; private set; } = [];

    public bool CanImportCurriculum { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = await relations.ForUserAsync(User, cancellationToken);
        var groups = new List<ClassGroupInfo>(await directory.GetClassGroupsAsync(actor.TaughtGroups.Keys, cancellationToken));
        foreach (var school in actor.SchoolRoles.Keys.Where(actor.Heads))
        {
            groups.AddRange(await directory.ListClassGroupsOfSchoolAsync(school, cancellationToken));
        }

        Groups = groups.DistinctBy(g => g.Id).OrderBy(g => g.Name).ToList();
        var pupils = actor.Children.Keys.ToList();
        if (User.HasAnyProfile(Profile.Pupil))
        {
            pupils.Add(actor.AccountId);
        }

        Pupils = await directory.GetPupilsAsync(pupils, cancellationToken);
        CanImportCurriculum = actor.IsTerritoryAdmin;
    }

    /// <summary>Primary classes are assessed on competencies, secondary ones with marks.</summary>
    public static string LinkOf(ClassGroupInfo group) =>
        Cycles.Of(group.Level) is not null && group.Level != "6e" ? $"/evaluations/competences/{group.Id}" : $"/evaluations/groupe/{group.Id}";
}
