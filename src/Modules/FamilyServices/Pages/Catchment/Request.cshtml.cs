using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Catchment;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Catchment;

/// <summary>
/// One enrolment request: what was asked, the documents, the decision and its letter. The education service
/// and the mayor's office decide here; the guardian may cancel while it is pending. Anyone else: 404.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
internal sealed class RequestModel(EnrolmentRequests requests, IStructureDirectory directory, IAuthorizationService authorization, IStringLocalizer localizer) : PageModel
{
    public EnrolmentRequest Enrolment { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, SchoolInfo> Schools { get; private set; } = new Dictionary<Guid, SchoolInfo>();

    public string GuardianName { get; private set; } = string.Empty;

    public bool CanDecide { get; private set; }

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    public IEnumerable<SelectListItem> SchoolItems => Schools.Values.Where(s => s.Kind is SchoolKind.Maternelle or SchoolKind.Elementaire or SchoolKind.Primaire).OrderBy(s => s.Name).Select(s => new SelectListItem(s.Name, s.Id.ToString()));

    public string SchoolName(Guid? id) => id is { } i && Schools.TryGetValue(i, out var school) ? school.Name : localizer["aucune école du périmètre scolaire"];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Decision.SchoolId = Enrolment.RequestedSchoolId ?? Enrolment.AssignedSchoolId;
        Decision.Stamp = Enrolment.ConcurrencyStamp;
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken cancellationToken) => DecideAsync(id, true, cancellationToken);

    public Task<IActionResult> OnPostRefuseAsync(Guid id, CancellationToken cancellationToken) => DecideAsync(id, false, cancellationToken);

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Enrolment.GuardianId != User.AccountId())
        {
            return NotFound();
        }

        if (await requests.CancelAsync(id, User.RequiredAccountId(), cancellationToken) is { } error)
        {
            ModelState.AddModelError(string.Empty, localizer[error.Message, error.Arguments]);
            return Page();
        }

        this.Flash(localizer["Demande annulée."]);
        return Redirect("/inscription-scolaire");
    }

    private async Task<IActionResult> DecideAsync(Guid id, bool accept, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !CanDecide)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var errors = await requests.DecideAsync(id, Decision.Stamp, accept, Decision.SchoolId, Decision.Reason, User.RequiredAccountId(),
            asMayorsOffice: User.HasAnyProfile(Profile.ElectedOfficial) && !User.HasAnyProfile(Profile.MunicipalAgent), cancellationToken);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(error.Field, localizer[error.Message, error.Arguments]);
            }

            return Page();
        }

        this.Flash(accept ? localizer["Inscription acceptée : la famille et la direction de l’école sont prévenues."] : localizer["Demande refusée : la famille est prévenue avec le motif."]);
        return Redirect($"/inscription-scolaire/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await requests.FindAsync(id, cancellationToken) is not { } request || !await authorization.CanAsync(User, request, ResourceAuthorization.Read))
        {
            return false;
        }

        Enrolment = request;
        CanDecide = await authorization.CanAsync(User, request, ResourceAuthorization.Manage);
        Schools = (await directory.ListSchoolsAsync(cancellationToken)).ToDictionary(s => s.Id);
        GuardianName = (await directory.GetPeopleAsync([request.GuardianId], cancellationToken)) is [var guardian, ..] ? guardian.DisplayName : string.Empty;
        return true;
    }
}

internal sealed class DecisionInput
{
    public Guid? SchoolId { get; set; }

    [System.ComponentModel.DataAnnotations.StringLength(EnrolmentRequest.MaxTextLength, ErrorMessage = "Le motif ne dépasse pas 2000 caractères.")]
    public string? Reason { get; set; }

    public Guid Stamp { get; set; }
}
