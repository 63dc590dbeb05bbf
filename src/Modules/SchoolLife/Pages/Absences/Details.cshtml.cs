using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Files;
using Preau.Platform.Web;
using Preau.SchoolLife.Absences;
using Preau.SchoolLife.Common;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.Pages.Absences;

/// <summary>One absence: the family justifies it (reason, comment, document); school-life staff validate or refuse.</summary>
// Signed in only: the note (absence) itself decides who reads it, and everyone else gets 404.
[Authorize(Policy = Policies.SignedIn)]
[GenerousFormLimits]
internal sealed class DetailsModel(
    ReadAbsences absences,
    JustifyAbsence justify,
    ReviewJustification review,
    PupilRecordsLoader loader,
    IAuthorizationService authorization,
    IAccountRelations relations,
    IStructureDirectory directory,
    SchoolLifeSettingsStore settings,
    IFileStore files,
    IStringLocalizer localizer) : PageModel
{
    public Absence Absence { get; private set; } = null!;

    public PupilInfo Pupil { get; private set; } = null!;

    public string? JustifiedBy { get; private set; }

    public bool CanJustify { get; private set; }

    public bool CanReview { get; private set; }

    [BindProperty]
    public JustificationInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Document { get; set; }

    [BindProperty]
    public string? RefusalReason { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    public IReadOnlyList<SelectListItem> Reasons => Enum.GetValues<AbsenceReason>()
        .Select(r => new SelectListItem(localizer[AbsenceReasons.Label(r)], r.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostJustifyAsync(Guid id, CancellationToken cancellationToken)
    {
        var document = await FormFiles.ReadAsync(Document, cancellationToken);
        await using var content = document?.Content;
        var outcome = await justify.HandleAsync(User, new JustifyAbsenceRequest(id, Input.Reason, Input.Comment, document), cancellationToken);
        if (outcome.IsNotFound || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            outcome.AddTo(ModelState, "Input.");
            return Page();
        }

        this.Flash(localizer["Votre justification a été envoyée à la vie scolaire."]);
        return Redirect($"/absences/{id}");
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken cancellationToken) => ReviewAsync(id, accept: true, cancellationToken);

    public Task<IActionResult> OnPostRefuseAsync(Guid id, CancellationToken cancellationToken) => ReviewAsync(id, accept: false, cancellationToken);

    public async Task<IActionResult> OnGetDocumentAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Absence.DocumentKey is null)
        {
            return NotFound();
        }

        var stream = await files.OpenReadAsync(Absence.DocumentKey, cancellationToken);
        return stream is null ? NotFound() : File(stream, Absence.DocumentContentType ?? "application/octet-stream", "justificatif" + (Absence.DocumentContentType == "application/pdf" ? ".pdf" : Absence.DocumentContentType == "image/png" ? ".png" : ".jpg"));
    }

    private async Task<IActionResult> ReviewAsync(Guid id, bool accept, CancellationToken cancellationToken)
    {
        var outcome = await review.HandleAsync(User, new ReviewJustificationRequest(id, accept, RefusalReason, Version), cancellationToken);
        if (outcome.IsNotFound || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            outcome.AddTo(ModelState);
            return Page();
        }

        this.Flash(accept ? localizer["Justification acceptée."] : localizer["Justification refusée : la famille est prévenue."]);
        return Redirect("/vie-scolaire");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await absences.FindAsync(id, cancellationToken) is not { } absence
            || await loader.LoadAsync(absence.PupilId, SchoolLifeArea.Absences, cancellationToken) is not { } loaded
            || !await authorization.CanAsync(User, loaded.Records with { GroupIds = [.. loaded.Records.GroupIds, absence.ClassGroupId] }, ResourceAuthorization.Read))
        {
            return false;
        }

        Absence = absence;
        Pupil = loaded.Pupil;
        var actor = await relations.ForUserAsync(User, cancellationToken);
        CanJustify = absence.CanBeJustified && Visibility.GuardianSees(actor, absence.PupilId, await settings.GetAsync(absence.SchoolId, cancellationToken), SchoolLifeArea.Absences);
        CanReview = absence.State == JustificationState.Pending && Visibility.CanFollowAttendance(actor, absence.SchoolId);
        JustifiedBy = absence.JustifiedById is { } by && await directory.GetPeopleAsync([by], cancellationToken) is [var person, ..] ? person.DisplayName : null;
        return true;
    }
}

internal sealed class JustificationInput
{
    public AbsenceReason? Reason { get; set; }

    public string? Comment { get; set; }
}
