using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;
using Preau.SchoolLife.Assessments;
using Preau.SchoolLife.Common;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.Pages.Assessments;

/// <summary>A secondary class or group: its assessments, a form to create one, and the appreciations per subject and period.</summary>
[Authorize(Policy = SchoolLifePermissions.WriteAssessments)]
[GenerousFormLimits]
internal sealed class GroupModel(
    CreateAssessment create,
    ReadAssessments read,
    AssessmentPeriods periods,
    IAccountRelations relations,
    IStructureDirectory directory,
    TenantContext tenant,
    IStringLocalizer localizer,
    TimeProvider clock) : PageModel
{
    public ClassGroupInfo Group { get; private set; } = null!;

    public IReadOnlyList<Assessment> Assessments { get; private set; } = [];

    public IReadOnlyList<string> Subjects { get; private set; } = [];

    public PeriodChoice? Periods { get; private set; }

    [BindProperty]
    public AssessmentInput Input { get; set; } = new();

    public IEnumerable<SelectListItem> SubjectItems => Subjects.Select(s => new SelectListItem(s, s));

    public async Task<IActionResult> OnGetAsync(Guid groupId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(groupId, cancellationToken))
        {
            return NotFound();
        }

        Input.Date = tenant.Today(clock);
        Input.Subject = Subjects.Count > 0 ? Subjects[0] : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid groupId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(groupId, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await create.HandleAsync(User, new CreateAssessmentRequest(groupId, Input.Subject, Input.Title, Input.Date, Input.Scale, Input.Coefficient), cancellationToken);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            outcome.AddTo(ModelState, "Input.");
            return Page();
        }

        this.Flash(localizer["Évaluation créée : saisissez les notes."]);
        return Redirect($"/evaluations/{outcome.Value!.Id}");
    }

    private async Task<bool> LoadAsync(Guid groupId, CancellationToken cancellationToken)
    {
        var actor = await relations.ForUserAsync(User, cancellationToken);
        if (await directory.GetClassGroupAsync(groupId, cancellationToken) is not { } group || !Visibility.CanTeach(actor, group))
        {
            return false;
        }

        Group = group;
        Subjects = SchoolLife.Assessments.Subjects.AssessableBy(actor, group, await directory.ListTeachingOfGroupsAsync([group.Id], cancellationToken));
        Assessments = (await read.OfGroupAsync(group.Id, cancellationToken)).Where(a => Subjects.Contains(a.Subject)).ToList();
        Periods = await periods.ForSchoolAsync(group.SchoolId, null, cancellationToken);
        return true;
    }
}

internal sealed class AssessmentInput
{
    public string? Subject { get; set; }

    public string? Title { get; set; }

    public DateOnly? Date { get; set; }

    public decimal? Scale { get; set; } = 20;

    public decimal? Coefficient { get; set; } = 1;
}
