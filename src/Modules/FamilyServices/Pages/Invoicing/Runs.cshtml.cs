using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Invoicing;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Invoicing;

/// <summary>The agent's monthly invoicing: the runs of the territory, and a month to compute in draft.</summary>
[Authorize(Policy = FamilyServicesPermissions.ManageInvoices)]
internal sealed class RunsModel(InvoiceQueries queries, PrepareInvoiceRun prepare, TenantContext tenant, TimeProvider clock, IStringLocalizer localizer) : PageModel
{
    public IReadOnlyList<InvoiceRun> Runs { get; private set; } = [];

    [BindProperty]
    public MonthInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Runs = await queries.RunsAsync(cancellationToken);
        var today = tenant.Today(clock);
        Input.Month ??= today.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Runs = await queries.RunsAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!MonthInput.TryParse(Input.Month, out var month))
        {
            ModelState.AddModelError("Input.Month", localizer["Le mois s’écrit AAAA-MM, par exemple 2026-11."]);
            return Page();
        }

        var (run, error) = await prepare.HandleAsync(month, User.RequiredAccountId(), cancellationToken);
        if (run is null)
        {
            ModelState.AddModelError(error!.Field.Length == 0 ? "Input.Month" : error.Field, localizer[error.Message, error.Arguments]);
            return Page();
        }

        this.Flash(localizer["Brouillon calculé : {0} facture(s), {1} €. Vérifiez-les avant de les émettre.", run.InvoiceCount, Amounts.Format(run.Total)]);
        return Redirect($"/gestion/facturation/{run.Id}");
    }
}

internal sealed class MonthInput
{
    [Required(ErrorMessage = "Indiquez le mois à facturer.")]
    [StringLength(7, ErrorMessage = "Le mois s’écrit AAAA-MM, par exemple 2026-11.")]
    public string? Month { get; set; }

    public static bool TryParse(string? text, out DateOnly month) =>
        DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);
}
