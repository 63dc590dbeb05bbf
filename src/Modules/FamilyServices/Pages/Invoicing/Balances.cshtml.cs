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

/// <summary>
/// The agent's follow-up: what each household owes and how much is overdue, the reminders, and the
/// accounting exports (invoices issued in a month, payments received in a month) as CSV.
/// </summary>
[Authorize(Policy = FamilyServicesPermissions.ManageInvoices)]
internal sealed class BalancesModel(InvoiceQueries queries, SendReminders reminders, TenantContext tenant, TimeProvider clock, IStringLocalizer localizer) : PageModel
{
    public const int Shown = 200;

    public IReadOnlyList<HouseholdBalance> Balances { get; private set; } = [];

    public string DefaultMonth { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRemindAsync(CancellationToken cancellationToken)
    {
        var count = await reminders.HandleAsync(User.RequiredAccountId(), cancellationToken);
        this.Flash(count == 0 ? localizer["Aucun foyer n’a de retard de paiement : aucune relance envoyée."] : localizer["Relance envoyée à {0} foyer(s) en retard de paiement.", count]);
        return Redirect("/gestion/facturation/soldes");
    }

    public async Task<IActionResult> OnGetInvoicesCsvAsync([FromQuery(Name = "mois")] string? month, CancellationToken cancellationToken)
    {
        if (!MonthInput.TryParse(month, out var first))
        {
            return await RefuseAsync("mois", cancellationToken);
        }

        var from = tenant.ToUtc(first, TimeOnly.MinValue);
        var to = tenant.ToUtc(first.AddMonths(1), TimeOnly.MinValue);
        var invoices = await queries.IssuedBetweenAsync(from, to, cancellationToken);
        return File(InvoiceDocuments.InvoicesCsv(invoices, tenant), "text/csv; charset=utf-8", $"factures-{first:yyyy-MM}.csv");
    }

    public async Task<IActionResult> OnGetPaymentsCsvAsync([FromQuery(Name = "mois")] string? month, CancellationToken cancellationToken)
    {
        if (!MonthInput.TryParse(month, out var first))
        {
            return await RefuseAsync("payments-mois", cancellationToken);
        }

        var payments = await queries.PaymentsBetweenAsync(first, first.AddMonths(1).AddDays(-1), cancellationToken);
        return File(InvoiceDocuments.PaymentsCsv(payments), "text/csv; charset=utf-8", $"paiements-{first:yyyy-MM}.csv");
    }

    private async Task<IActionResult> RefuseAsync(string field, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        ModelState.AddModelError(field, localizer["Le mois s’écrit AAAA-MM, par exemple 2026-11."]);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var today = tenant.Today(clock);
        Balances = await queries.BalancesAsync(today, cancellationToken);
        DefaultMonth = today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }
}
