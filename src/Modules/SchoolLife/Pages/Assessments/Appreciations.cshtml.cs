using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Web;
using Preau.SchoolLife.Assessments;
using Preau.SchoolLife.Common;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.Pages.Assessments;

/// <summary>The teacher's appreciations of a group's pupils in a subject for a period, shown on their report.</summary>
[Authorize(Policy = SchoolLifePermissions.WriteAssessments)]
[GenerousFormLimits]
internal sealed class AppreciationsModel(WriteAppreciations write, SchoolLifeDbContext db, AssessmentPeriods periods, IAccountRelations relations, IStructureDirectory directory, IStringLocalizer localizer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "matiere")]
    public string? Subject { get; set; }

    [BindProperty(SupportsGet = true, Name = "periode")]
    public int? Period { get; set; }

    [BindProperty]
    public Dictionary<Guid, string?> Texts { get; set; } = [];

    public ClassGroupInfo Group { get; private set; } = null!;

    public IReadOnlyList<PupilInfo> Pupils { get; private set; } = [];

    public PeriodChoice? Periods { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid groupId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(groupId, cancellationToken))
        {
            return NotFound();
        }

        Texts = await db.SubjectAppreciations.AsNoTracking()
            .Where(a => a.ClassGroupId == groupId && a.Subject == Subject && a.Period == Periods!.Chosen.Number)
            .ToDictionaryAsync(a => a.PupilId, a => (string?)a.Text, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid groupId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(groupId, cancellationToken))
        {
            return NotFound();
        }

        var outcome = await write.HandleAsync(User, new WriteAppreciationsRequest(groupId, Subject, Periods!.Chosen.Number, Texts), cancellationToken);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            outcome.AddTo(ModelState);
            return Page();
        }

        this.Flash(localizer["Appréciations enregistrées."]);
        return Redirect($"/evaluations/groupe/{groupId}/appreciations?matiere={Uri.EscapeDataString(Subject!)}&periode={Periods.Chosen.Number}");
    }

    private async Task<bool> LoadAsync(Guid groupId, CancellationToken cancellationToken)
    {
        var actor = await relations.ForUserAsync(User, cancellationToken);
        if (await directory.GetClassGroupAsync(groupId, cancellationToken) is not { } group || !Visibility.CanTeach(actor, group))
        {
            return false;
        }

        var subjects = Subjects.AssessableBy(actor, group, await directory.ListTeachingOfGroupsAsync([group.Id], cancellationToken));
        if (Subject is null || !subjects.Contains(Subject))
        {
            return false;
        }

        Group = group;
        Pupils = await directory.ListPupilsOfGroupAsync(group.Id, cancellationToken);
        Periods = await periods.ForSchoolAsync(group.SchoolId, Period, cancellationToken);
        return Periods is not null;
    }
}
