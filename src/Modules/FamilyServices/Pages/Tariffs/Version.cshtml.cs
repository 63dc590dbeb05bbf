using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Audit;
using Preau.FamilyServices.Services;
using Preau.FamilyServices.Tariffs;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Tariffs;

/// <summary>
/// A tariff version: read-only once published; as a draft, its brackets, reductions and penalties are
/// edited, checked (gaps and overlaps between brackets told in French) and published from a start date.
/// </summary>
[Authorize(Policy = FamilyServicesPermissions.ReadTariffs)]
internal sealed class VersionModel(TariffQueries queries, EditTariffVersion edit, FamilyServicesAudit audit, IAuthorizationService authorization, IStringLocalizer localizer) : PageModel
{
    /// <summary>Empty rows offered to add brackets.</summary>
    public const int SpareRows = 3;

    public TariffVersion Version { get; private set; } = null!;

    public IReadOnlyList<FamilyAuditEntry> History { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [BindProperty]
    public TariffInput Input { get; set; } = new();

    [BindProperty]
    public Guid Stamp { get; set; }

    public IEnumerable<SelectListItem> Units => Enum.GetValues<BillingUnit>().Select(u => new SelectListItem(localizer[TariffLabels.Per(u)], u.ToString()));

    public IEnumerable<SelectListItem> NoQuotientChoices =>
    [
        new(localizer["Prix de la tranche la plus haute"], nameof(NoQuotientPricing.HighestBracket)),
        new(localizer["Un prix fixé"], nameof(NoQuotientPricing.FixedPrice)),
    ];

    public IEnumerable<SelectListItem> PenaltyChoices =>
    [
        new(localizer["Pas de majoration"], nameof(PenaltyMode.None)),
        new(localizer["Majoration en pourcentage"], nameof(PenaltyMode.SurchargePercent)),
        new(localizer["Prix fixe"], nameof(PenaltyMode.FixedPrice)),
    ];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = TariffInput.From(Version);
        Stamp = Version.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !CanEdit)
        {
            return NotFound();
        }

        if (Input.ToDraft(ModelState, localizer) is not { } draft)
        {
            return Page();
        }

        var errors = await edit.SaveDraftAsync(id, Stamp, draft, User.RequiredAccountId(), cancellationToken);
        return Outcome(errors, localizer["Brouillon vérifié et enregistré : les tranches se suivent sans trou ni chevauchement."], $"/tarifs/{id}");
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !CanEdit)
        {
            return NotFound();
        }

        var errors = await edit.PublishAsync(id, Stamp, User.RequiredAccountId(), cancellationToken);
        if (errors.Count > 0)
        {
            Input = TariffInput.From(Version);
        }

        return Outcome(errors, localizer["Version publiée : elle s’applique à partir du {0}.", Version.StartsOn.ToString("d", System.Globalization.CultureInfo.CurrentCulture)], $"/tarifs/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !CanEdit)
        {
            return NotFound();
        }

        var errors = await edit.DeleteDraftAsync(id, User.RequiredAccountId(), cancellationToken);
        return Outcome(errors, localizer["Brouillon supprimé."], "/tarifs");
    }

    private IActionResult Outcome(IReadOnlyList<RuleError> errors, string success, string redirect)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, localizer[error.Message, error.Arguments]);
        }

        if (errors.Count > 0)
        {
            return Page();
        }

        this.Flash(success);
        return Redirect(redirect);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, cancellationToken) is not { } version)
        {
            return false;
        }

        Version = version;
        History = await audit.HistoryAsync(id, cancellationToken);
        CanEdit = version.IsDraft && (await authorization.AuthorizeAsync(User, FamilyServicesPermissions.ManageTariffs)).Succeeded;
        return true;
    }
}

/// <summary>The draft form: numbers as typed (comma or point), parsed with <see cref="Amounts"/>.</summary>
internal sealed class TariffInput
{
    [System.ComponentModel.DataAnnotations.StringLength(200, ErrorMessage = "Le nom ne dépasse pas 200 caractères.")]
    public string? Label { get; set; }

    public DateOnly? StartsOn { get; set; }

    public BillingUnit Unit { get; set; }

    public List<BracketInput> Brackets { get; set; } = [];

    public NoQuotientPricing NoQuotientPricing { get; set; }

    public string? NoQuotientPrice { get; set; }

    public string? SecondChildReductionPercent { get; set; }

    public string? FurtherChildReductionPercent { get; set; }

    public PenaltyMode LateMode { get; set; }

    public string? LateValue { get; set; }

    public PenaltyMode NoReservationMode { get; set; }

    public string? NoReservationValue { get; set; }

    public static TariffInput From(TariffVersion version) => new()
    {
        Label = version.Label,
        StartsOn = version.StartsOn,
        Unit = version.Unit,
        Brackets = version.Brackets.OrderBy(b => b.LowerBound)
            .Select(b => new BracketInput { LowerBound = Amounts.Format(b.LowerBound), UpperBound = Amounts.Format(b.UpperBound), UnitPrice = Amounts.Format(b.UnitPrice) })
            .Concat(Enumerable.Range(0, VersionModel.SpareRows).Select(_ => new BracketInput()))
            .ToList(),
        NoQuotientPricing = version.NoQuotientPricing,
        NoQuotientPrice = Amounts.Format(version.NoQuotientPrice),
        SecondChildReductionPercent = Amounts.Format(version.SecondChildReductionPercent, false),
        FurtherChildReductionPercent = Amounts.Format(version.FurtherChildReductionPercent, false),
        LateMode = version.LateMode,
        LateValue = Amounts.Format(version.LateValue, false),
        NoReservationMode = version.NoReservationMode,
        NoReservationValue = Amounts.Format(version.NoReservationValue, false),
    };

    /// <summary>The draft typed, or null with the fields' errors in the model state. Empty bracket rows are ignored.</summary>
    public TariffDraft? ToDraft(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, IStringLocalizer localizer)
    {
        decimal? Parse(string? text, string field)
        {
            if (Amounts.TryParse(text, out var value))
            {
                return value;
            }

            state.AddModelError(field, localizer["« {0} » n’est pas un nombre.", text ?? string.Empty]);
            return null;
        }

        if (string.IsNullOrWhiteSpace(Label))
        {
            state.AddModelError("Input.Label", localizer["Donnez un nom à cette version (par exemple « Tarifs 2027 »)."]);
        }

        if (StartsOn is null)
        {
            state.AddModelError("Input.StartsOn", localizer["Indiquez la date de début."]);
        }

        if (Brackets.Count > TariffVersion.MaxBrackets + VersionModel.SpareRows)
        {
            state.AddModelError("Input.Brackets", localizer["Une grille compte {0} tranches au plus.", TariffVersion.MaxBrackets]);
            return null;
        }

        var brackets = new List<TariffBracket>();
        for (var i = 0; i < Brackets.Count; i++)
        {
            var row = Brackets[i];
            if (string.IsNullOrWhiteSpace(row.LowerBound) && string.IsNullOrWhiteSpace(row.UpperBound) && string.IsNullOrWhiteSpace(row.UnitPrice))
            {
                continue;
            }

            var lower = Parse(row.LowerBound, "Input.Brackets");
            var upper = Parse(row.UpperBound, "Input.Brackets");
            var price = Parse(row.UnitPrice, "Input.Brackets");
            if (lower is null || price is null)
            {
                state.AddModelError("Input.Brackets", localizer["Ligne {0} : indiquez le début de la tranche et son prix.", i + 1]);
                continue;
            }

            brackets.Add(new TariffBracket { LowerBound = lower.Value, UpperBound = upper, UnitPrice = price.Value });
        }

        var noQuotientPrice = Parse(NoQuotientPrice, "Input.NoQuotientPrice");
        var second = Parse(SecondChildReductionPercent, "Input.SecondChildReductionPercent") ?? 0m;
        var further = Parse(FurtherChildReductionPercent, "Input.FurtherChildReductionPercent") ?? 0m;
        var late = Parse(LateValue, "Input.LateValue");
        var noReservation = Parse(NoReservationValue, "Input.NoReservationValue");
        if (!state.IsValid)
        {
            return null;
        }

        return new TariffDraft(Label!, StartsOn!.Value, Unit, brackets, NoQuotientPricing, noQuotientPrice, second, further, LateMode, late, NoReservationMode, noReservation);
    }
}

internal sealed class BracketInput
{
    public string? LowerBound { get; set; }

    public string? UpperBound { get; set; }

    public string? UnitPrice { get; set; }
}
