using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Web;
using Preau.SchoolLife.Absences;
using Preau.SchoolLife.Common;

namespace Preau.SchoolLife.Pages.Absences;

/// <summary>A guardian announces a child's coming absence.</summary>
[Authorize(Policy = SchoolLifePermissions.ReadAbsences)]
[GenerousFormLimits]
internal sealed class AnnounceModel(AnnounceAbsence announce, IAccountRelations relations, IStructureDirectory directory, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public AnnounceInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Children { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Reasons => Enum.GetValues<AbsenceReason>()
        .Select(r => new SelectListItem(localizer[AbsenceReasons.Label(r)], r.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "eleve")] Guid? pupilId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input.PupilId = pupilId;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Input.PupilId is not { } pupilId)
        {
            ModelState.AddModelError("Input.PupilId", localizer["Choisissez l’enfant."]);
            return Page();
        }

        var outcome = await announce.HandleAsync(User, new AnnounceAbsenceRequest(pupilId, Input.From, Input.To, Input.Reason, Input.Comment), cancellationToken);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            outcome.AddTo(ModelState, "Input.");
            return Page();
        }

        this.Flash(localizer["L’absence est signalée à l’école."]);
        return Redirect($"/absences?eleve={pupilId}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var actor = await relations.ForUserAsync(User, cancellationToken);
        if (actor.Children.Count == 0)
        {
            return false;
        }

        Children = (await directory.GetPupilsAsync(actor.Children.Keys, cancellationToken)).Select(p => new SelectListItem(p.DisplayName, p.Id.ToString())).ToList();
        return true;
    }
}

internal sealed class AnnounceInput
{
    public Guid? PupilId { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public AbsenceReason? Reason { get; set; }

    public string? Comment { get; set; }
}
