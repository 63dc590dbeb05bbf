using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Invoicing;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Invoicing;

/// <summary>A month's run: its totals and warnings, its invoices (paged), and the buttons to recompute or issue it.</summary>
[Authorize(Policy = FamilyServicesPermissions.ManageInvoices)]
internal sealed class RunModel(InvoiceQueries queries, PrepareInvoiceRun prepare, IssueInvoiceRun issue, IStringLocalizer localizer) : PageModel
{
    public InvoiceRun Run { get; private set; } = null!;

    public PageOf<Invoice> Invoices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery] int page, CancellationToken cancellationToken) =>
        await LoadAsync(id, page, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRecomputeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, 1, cancellationToken))
        {
            return NotFound();
        }

        var (run, error) = await prepare.HandleAsync(Run.Month, User.RequiredAccountId(), cancellationToken);
        if (run is null)
        {
            ModelState.AddModelError(string.Empty, localizer[error!.Message, error.Arguments]);
            return Page();
        }

        this.Flash(localizer["Brouillon recalculé : {0} facture(s), {1} €.", run.InvoiceCount, Amounts.Format(run.Total)]);
        return Redirect($"/gestion/facturation/{id}");
    }

    public async Task<IActionResult> OnPostIssueAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, 1, cancellationToken))
        {
            return NotFound();
        }

        var (run, error) = await issue.HandleAsync(id, User.RequiredAccountId(), cancellationToken);
        if (run is null)
        {
            if (error is null)
            {
                return NotFound();
            }

            ModelState.AddModelError(string.Empty, localizer[error.Message, error.Arguments]);
            await LoadAsync(id, 1, cancellationToken);
            return Page();
        }

        this.Flash(localizer["{0} facture(s) émise(s) et numérotée(s). Les familles sont prévenues.", run.InvoiceCount]);
        return Redirect($"/gestion/facturation/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, int page, CancellationToken cancellationToken)
    {
        if (await queries.RunAsync(id, cancellationToken) is not { } run)
        {
            return false;
        }

        Run = run;
        Invoices = await queries.RunInvoicesAsync(id, page, cancellationToken);
        return true;
    }
}
