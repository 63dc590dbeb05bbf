using Preau.FamilyServices.Services;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Tariffs;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Pages.Tariffs;

/// <summary>The tariff grids of the town: for each kind of service, the version in force, the next ones, the drafts and the past ones.</summary>
[Authorize(Policy = FamilyServicesPermissions.ReadTariffs)]
internal sealed class IndexModel(TariffQueries queries, EditTariffVersion edit, IAuthorizationService authorization, TenantContext tenant, TimeProvider clock, IStringLocalizer localizer) : PageModel
{
    public IReadOnlyList<TariffVersion> Versions { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool CanManage { get; private set; }

    [BindProperty]
    public NewVersionInput Input { get; set; } = new();

    public IEnumerable<SelectListItem> Kinds => Enum.GetValues<ServiceKind>().Select(k => new SelectListItem(localizer[ServiceLabels.Of(k)], k.ToString()));

    /// <summary>Whether the version applies on <see cref="Today"/>.</summary>
    public bool IsInForce(TariffVersion version) =>
        TariffRules.InForce(Versions, version.Kind, version.ServiceId, Today)?.Id == version.Id;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.StartsOn ??= Today.AddDays(1);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!CanManage)
        {
            return NotFound();
        }

        Guid? serviceId = null;
        if (Input.ServiceId is { Length: > 0 } text)
        {
            if (!Guid.TryParse(text, out var parsed))
            {
                ModelState.AddModelError("Input.ServiceId", localizer["L’identifiant du service n’est pas valide."]);
            }
            else
            {
                serviceId = parsed;
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (draft, errors) = await edit.CreateDraftAsync(Input.Kind!.Value, serviceId, Input.StartsOn!.Value, User.RequiredAccountId(), cancellationToken);
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, localizer[error.Message, error.Arguments]);
        }

        return draft is null ? Page() : Redirect($"/tarifs/{draft.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = tenant.Today(clock);
        Versions = await queries.ListAsync(cancellationToken);
        CanManage = (await authorization.AuthorizeAsync(User, FamilyServicesPermissions.ManageTariffs)).Succeeded;
    }
}

internal sealed class NewVersionInput
{
    [Required(ErrorMessage = "Choisissez le service.")]
    public ServiceKind? Kind { get; set; }

    [StringLength(36, ErrorMessage = "L’identifiant du service n’est pas valide.")]
    public string? ServiceId { get; set; }

    [Required(ErrorMessage = "Indiquez la date de début.")]
    public DateOnly? StartsOn { get; set; }
}
