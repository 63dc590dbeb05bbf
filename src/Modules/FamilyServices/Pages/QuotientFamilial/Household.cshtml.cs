using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.QuotientFamilial;
using Preau.FamilyServices.Tariffs;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.QuotientFamilial;

/// <summary>
/// A household's quotient familial: the one in force today and the bracket it gives for each service,
/// the history, and the two ways to give a new one (CAF attestation, or income and parts). Its guardians
/// and the town's agents only; anyone else gets a 404.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
internal sealed class HouseholdModel(
    IHouseholdDirectory households,
    QuotientQueries queries,
    TariffQueries tariffs,
    SubmitQuotient submit,
    IAuthorizationService authorization,
    IStructureDirectory directory,
    TenantContext tenant,
    TimeProvider clock,
    IStringLocalizer localizer) : PageModel
{
    public HouseholdSummary Household { get; private set; } = null!;

    public QuotientFamilialRecord? InForce { get; private set; }

    public IReadOnlyList<QuotientFamilialRecord> History { get; private set; } = [];

    public IReadOnlyList<(TariffVersion Version, int? Bracket, decimal UnitPrice)> Brackets { get; private set; } = [];

    public QuotientRule Rule { get; private set; } = QuotientRule.Default();

    public bool IsAgent => User.HasAnyProfile(Profile.MunicipalAgent);

    [BindProperty]
    public AttestationInput Caf { get; set; } = new();

    [BindProperty]
    public DeclarationInput Declaration { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var (from, until) = await DefaultPeriodAsync(cancellationToken);
        Caf.ValidFrom = Declaration.ValidFrom = from;
        Caf.ValidUntil = Declaration.ValidUntil = until;
        return Page();
    }

    public async Task<IActionResult> OnPostCafAsync(Guid id, IFormFile? attestation, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        if (!TryValidateModel(Caf, nameof(Caf)))
        {
            return Page();
        }

        if (!Amounts.TryParse(Caf.Amount, out var amount))
        {
            ModelState.AddModelError("Caf.Amount", localizer["Saisissez un montant, par exemple 650 ou 650,50."]);
            return Page();
        }

        await using var stream = attestation is { Length: > 0 } ? await CopyAsync(attestation, cancellationToken) : null;
        var (record, errors) = await submit.HandleAsync(
            new QuotientSubmission(id, QuotientSource.CafAttestation, Caf.ValidFrom!.Value, Caf.ValidUntil!.Value, amount, Caf.CafNumber?.Trim(), Caf.AttestationDate, stream, null, null),
            User.RequiredAccountId(), IsAgent, cancellationToken);
        return Outcome(record, errors, "Caf", new() { ["Input.CafAmount"] = "Caf.Amount", ["Input.CafNumber"] = "Caf.CafNumber", ["Input.AttestationDate"] = "Caf.AttestationDate", ["Input.Attestation"] = "Caf.Attestation", ["Input.ValidFrom"] = "Caf.ValidFrom", ["Input.ValidUntil"] = "Caf.ValidUntil" });
    }

    public async Task<IActionResult> OnPostDeclarationAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        if (!TryValidateModel(Declaration, nameof(Declaration)))
        {
            return Page();
        }

        if (!Amounts.TryParse(Declaration.MonthlyIncome, out var income) || income is null)
        {
            ModelState.AddModelError("Declaration.MonthlyIncome", localizer["Saisissez un montant, par exemple 2400 ou 2400,50."]);
            return Page();
        }

        var composition = new HouseholdComposition(Declaration.Couple, Declaration.Children ?? 0, Declaration.DisabledChildren ?? 0);
        var (record, errors) = await submit.HandleAsync(
            new QuotientSubmission(id, QuotientSource.DeclaredIncome, Declaration.ValidFrom!.Value, Declaration.ValidUntil!.Value, null, null, null, null, income, composition),
            User.RequiredAccountId(), IsAgent, cancellationToken);
        return Outcome(record, errors, "Declaration", new() { ["Input.MonthlyIncome"] = "Declaration.MonthlyIncome", ["Input.Children"] = "Declaration.Children", ["Input.DisabledChildren"] = "Declaration.DisabledChildren", ["Input.CafAmount"] = "Declaration.MonthlyIncome", ["Input.ValidFrom"] = "Declaration.ValidFrom", ["Input.ValidUntil"] = "Declaration.ValidUntil" });
    }

    private IActionResult Outcome(QuotientFamilialRecord? record, IReadOnlyList<RuleError> errors, string form, Dictionary<string, string> fields)
    {
        if (record is null)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(fields.GetValueOrDefault(error.Field, form), localizer[error.Message, error.Arguments]);
            }

            return Page();
        }

        this.Flash(IsAgent
            ? localizer["Quotient familial de {0} € enregistré et validé.", Amounts.Format(record.Amount)]
            : localizer["Votre quotient familial de {0} € est envoyé à la mairie, qui le validera.", Amounts.Format(record.Amount)]);
        return Redirect($"/quotient-familial/foyer/{record.HouseholdId}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await households.FindAsync(id, cancellationToken) is not { } household
            || !await authorization.CanAsync(User, household, ResourceAuthorization.Read))
        {
            return false;
        }

        Household = household;
        var today = tenant.Today(clock);
        History = await queries.HistoryAsync(id, cancellationToken);
        InForce = QuotientFamilialRecord.InForce(History, today);
        Rule = await queries.RuleAsync(cancellationToken);
        var versions = await tariffs.InForceForAllKindsAsync(today, cancellationToken);
        Brackets = versions.Select(v =>
        {
            if (InForce is { } qf && TariffRules.BracketOf(v.Brackets, qf.Amount) is var (bracket, number))
            {
                return (v, (int?)number, bracket.UnitPrice);
            }

            return (v, (int?)null, TariffRules.Price(v, new PricingRequest(null, 1, 1m)).UnitPrice);
        }).ToList();
        return true;
    }

    /// <summary>From today to the end of the school year (31 August), the usual validity of a quotient.</summary>
    private async Task<(DateOnly, DateOnly)> DefaultPeriodAsync(CancellationToken cancellationToken)
    {
        var today = tenant.Today(clock);
        var year = await directory.GetCurrentSchoolYearAsync(cancellationToken);
        var end = year is null ? new DateOnly(today.Month >= 9 ? today.Year + 1 : today.Year, 8, 31) : new DateOnly(year.EndsOn.Year, 8, 31);
        return (today, end < today ? today.AddYears(1) : end);
    }

    private static async Task<MemoryStream> CopyAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var stream = new MemoryStream();
        await using var source = file.OpenReadStream();
        await source.CopyToAsync(stream, cancellationToken);
        stream.Position = 0;
        return stream;
    }
}

internal sealed class AttestationInput
{
    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Indiquez le quotient familial écrit sur l’attestation.")]
    [System.ComponentModel.DataAnnotations.StringLength(Amounts.MaxLength, ErrorMessage = "Saisissez un montant, par exemple 650 ou 650,50.")]
    public string? Amount { get; set; }

    [System.ComponentModel.DataAnnotations.StringLength(20, ErrorMessage = "Le numéro d’allocataire ne contient que des chiffres et des lettres (20 au plus).")]
    public string? CafNumber { get; set; }

    public DateOnly? AttestationDate { get; set; }

    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Indiquez le début de validité.")]
    public DateOnly? ValidFrom { get; set; }

    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Indiquez la fin de validité.")]
    public DateOnly? ValidUntil { get; set; }

    /// <summary>Bound from the file field "attestation"; here for the form's error and label.</summary>
    public string? Attestation { get; set; }
}

internal sealed class DeclarationInput
{
    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Indiquez les revenus mensuels du foyer.")]
    [System.ComponentModel.DataAnnotations.StringLength(Amounts.MaxLength, ErrorMessage = "Saisissez un montant, par exemple 2400 ou 2400,50.")]
    public string? MonthlyIncome { get; set; }

    public bool Couple { get; set; } = true;

    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Indiquez le nombre d’enfants à charge.")]
    [System.ComponentModel.DataAnnotations.Range(0, QuotientRule.MaximumChildren, ErrorMessage = "Le nombre d’enfants à charge doit être compris entre 0 et 20.")]
    public int? Children { get; set; }

    [System.ComponentModel.DataAnnotations.Range(0, QuotientRule.MaximumChildren, ErrorMessage = "Le nombre d’enfants en situation de handicap ne peut pas dépasser le nombre d’enfants à charge.")]
    public int? DisabledChildren { get; set; } = 0;

    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Indiquez le début de validité.")]
    public DateOnly? ValidFrom { get; set; }

    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Indiquez la fin de validité.")]
    public DateOnly? ValidUntil { get; set; }
}
