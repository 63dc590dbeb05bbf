using Preau.FamilyServices.Services;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Tariffs;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Pages.Tariffs;

/// <summary>
/// "For a household with QF 650 and two children at the canteen on 12 January": the version in force that
/// day, each child's line with its reasons, and the total, with the same rules invoicing uses.
/// </summary>
[Authorize(Policy = FamilyServicesPermissions.ReadTariffs)]
internal sealed class SimulatorModel(TariffQueries queries, TenantContext tenant, TimeProvider clock, IStringLocalizer localizer) : PageModel
{
    public const int MaxChildren = 10;

    [BindProperty(SupportsGet = true)]
    public SimulationInput Input { get; set; } = new();

    public TariffVersion? Version { get; private set; }

    public IReadOnlyList<PricedAmount> Lines { get; private set; } = [];

    public bool Simulated { get; private set; }

    public IEnumerable<SelectListItem> Kinds => Enum.GetValues<ServiceKind>().Select(k => new SelectListItem(localizer[ServiceLabels.Of(k)], k.ToString()));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Input.Kind is null)
        {
            Input.Day ??= tenant.Today(clock);
            ModelState.Clear();
            return;
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        decimal? quotient = null;
        if (!Amounts.TryParse(Input.Quotient, out quotient) || quotient < 0)
        {
            ModelState.AddModelError("Input.Quotient", localizer["Saisissez un quotient familial positif, par exemple 650, ou laissez vide."]);
        }

        if (!Amounts.TryParse(Input.Quantity, out var quantity) || quantity is null)
        {
            ModelState.AddModelError("Input.Quantity", localizer["Saisissez une quantité, par exemple 1 ou 1,5."]);
        }
        else if (TariffRules.CheckQuantity(quantity.Value, "Input.Quantity") is { } error)
        {
            ModelState.AddModelError(error.Field, localizer[error.Message, error.Arguments]);
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        Simulated = true;
        Version = await queries.InForceAsync(Input.Kind.Value, null, Input.Day!.Value, cancellationToken);
        if (Version is null)
        {
            return;
        }

        Lines = Enumerable.Range(1, Input.Children!.Value)
            .Select(rank => TariffRules.Price(Version, new PricingRequest(quotient, rank, quantity!.Value, Input.Late, Input.NoReservation)))
            .ToList();
    }
}

internal sealed class SimulationInput
{
    public ServiceKind? Kind { get; set; }

    [Required(ErrorMessage = "Indiquez le jour.")]
    public DateOnly? Day { get; set; }

    [StringLength(Amounts.MaxLength, ErrorMessage = "Saisissez un quotient familial positif, par exemple 650, ou laissez vide.")]
    public string? Quotient { get; set; }

    [Required(ErrorMessage = "Indiquez le nombre d’enfants.")]
    [Range(1, SimulatorModel.MaxChildren, ErrorMessage = "Le nombre d’enfants est compris entre 1 et 10.")]
    public int? Children { get; set; } = 1;

    [StringLength(Amounts.MaxLength, ErrorMessage = "Saisissez une quantité, par exemple 1 ou 1,5.")]
    public string? Quantity { get; set; } = "1";

    public bool Late { get; set; }

    public bool NoReservation { get; set; }
}
