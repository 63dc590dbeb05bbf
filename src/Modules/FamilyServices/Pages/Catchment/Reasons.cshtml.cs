using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Catchment;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Catchment;

/// <summary>The town's list of derogation reasons that families choose from.</summary>
[Authorize(Policy = FamilyServicesPermissions.ManageCatchment)]
internal sealed class ReasonsModel(EnrolmentRequests requests, EditCatchment edit, IStringLocalizer localizer) : PageModel
{
    public IReadOnlyList<DerogationReason> Reasons { get; private set; } = [];

    [BindProperty]
    [System.ComponentModel.DataAnnotations.StringLength(DerogationReason.MaxLabelLength, ErrorMessage = "Le motif compte de 1 à 200 caractères, sans < ni >.")]
    public string? Label { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Reasons = await requests.ReasonsAsync(false, cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            foreach (var error in await edit.AddReasonAsync(Label ?? string.Empty, cancellationToken))
            {
                ModelState.AddModelError(error.Field, localizer[error.Message, error.Arguments]);
            }
        }

        if (!ModelState.IsValid)
        {
            Reasons = await requests.ReasonsAsync(false, cancellationToken);
            return Page();
        }

        this.Flash(localizer["Motif ajouté."]);
        return Redirect("/carte-scolaire/motifs");
    }

    public async Task<IActionResult> OnPostUsualAsync(CancellationToken cancellationToken)
    {
        await edit.AddUsualReasonsAsync(cancellationToken);
        this.Flash(localizer["Motifs habituels ajoutés."]);
        return Redirect("/carte-scolaire/motifs");
    }

    public async Task<IActionResult> OnPostToggleAsync(Guid reasonId, bool active, CancellationToken cancellationToken)
    {
        if (!await edit.SetReasonActiveAsync(reasonId, active, cancellationToken))
        {
            return NotFound();
        }

        this.Flash(active ? localizer["Motif proposé aux familles."] : localizer["Motif retiré de la liste proposée aux familles."]);
        return Redirect("/carte-scolaire/motifs");
    }
}
