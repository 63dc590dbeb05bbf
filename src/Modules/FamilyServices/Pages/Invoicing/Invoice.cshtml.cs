using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Invoicing;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Invoicing;

/// <summary>
/// An invoice or credit note as a readable page (and as a PDF at …/facture.pdf), for its household's guardians
/// and the town's agents; the guardian pays online from it, the agent records a payment or issues a credit note.
/// Anyone else, and a guardian asking for a draft, gets a 404.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
internal sealed class InvoiceModel(
    InvoiceAccess access,
    IssueCreditNote creditNotes,
    RecordPayment payments,
    OnlinePayments online,
    IAuthorizationService authorization,
    IStructureDirectory directory,
    TenantContext tenant,
    TimeProvider clock,
    IStringLocalizer localizer) : PageModel
{
    public InvoiceStatement Statement { get; private set; } = null!;

    public bool CanManage { get; private set; }

    public bool CanPay { get; private set; }

    [BindProperty]
    public PaymentInput Payment { get; set; } = new();

    [BindProperty]
    public CreditNoteInput CreditNote { get; set; } = new();

    public IEnumerable<SelectListItem> Methods => RecordPayment.CounterMethods.Select(m => new SelectListItem(localizer[InvoiceLabels.Method(m)], m.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Request.Path.Value?.EndsWith(".pdf", StringComparison.Ordinal) == true)
        {
            var territory = await directory.GetCurrentTerritoryAsync(cancellationToken);
            Response.Headers.CacheControl = "private, no-store";
            return File(InvoiceDocuments.Pdf(Statement, territory?.Name ?? string.Empty, tenant), "application/pdf", $"facture-{Statement.Invoice.Number ?? "brouillon"}.pdf");
        }

        Payment.ReceivedOn = tenant.Today(clock);
        return Page();
    }

    public async Task<IActionResult> OnPostPaymentAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !CanManage)
        {
            return NotFound();
        }

        ModelState.Clear();
        if (!TryValidateModel(Payment, nameof(Payment)))
        {
            return Page();
        }

        if (!Amounts.TryParse(Payment.Amount, out var amount))
        {
            ModelState.AddModelError("Payment.Amount", localizer["Saisissez un montant, par exemple 12 ou 12,50."]);
            return Page();
        }

        var (payment, error) = await payments.HandleAsync(new PaymentReceived(id, amount, Payment.Method!.Value, Payment.Reference, Payment.ReceivedOn), User.RequiredAccountId(), cancellationToken);
        if (payment is null)
        {
            if (error is null)
            {
                return NotFound();
            }

            ModelState.AddModelError(error.Field.Replace("Input.", "Payment.", StringComparison.Ordinal), localizer[error.Message, error.Arguments]);
            return Page();
        }

        this.Flash(localizer["Paiement de {0} € enregistré.", Amounts.Format(payment.Amount)]);
        return Redirect($"/factures/{id}");
    }

    public async Task<IActionResult> OnPostCreditNoteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !CanManage)
        {
            return NotFound();
        }

        ModelState.Clear();
        var (note, error) = await creditNotes.HandleAsync(id, CreditNote.Lines.ToHashSet(), CreditNote.Reason, User.RequiredAccountId(), cancellationToken);
        if (note is null)
        {
            if (error is null)
            {
                return NotFound();
            }

            ModelState.AddModelError(error.Field switch { "Input.Reason" => "CreditNote.Reason", "Lines" => "CreditNote.Lines", _ => string.Empty }, localizer[error.Message, error.Arguments]);
            return Page();
        }

        this.Flash(localizer["Avoir {0} émis : {1} €.", note.Number!, Amounts.Format(note.Total)]);
        return Redirect($"/factures/{note.Id}");
    }

    public async Task<IActionResult> OnPostPayAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !CanPay)
        {
            return NotFound();
        }

        var territory = await directory.GetCurrentTerritoryAsync(cancellationToken);
        var (url, error) = await online.StartAsync(id, territory!.Slug, User.RequiredAccountId(), cancellationToken);
        if (url is null)
        {
            ModelState.AddModelError(string.Empty, localizer[error!.Message, error.Arguments]);
            return Page();
        }

        return Redirect(url);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.ReadableAsync(User, id, cancellationToken) is not { } statement)
        {
            return false;
        }

        Statement = statement;
        CanManage = (await authorization.AuthorizeAsync(User, FamilyServicesPermissions.ManageInvoices)).Succeeded;
        CanPay = (await authorization.AuthorizeAsync(User, FamilyServicesPermissions.PayInvoices)).Succeeded;
        return true;
    }
}

internal sealed class PaymentInput
{
    [Required(ErrorMessage = "Indiquez le montant reçu.")]
    [StringLength(Amounts.MaxLength, ErrorMessage = "Saisissez un montant, par exemple 12 ou 12,50.")]
    public string? Amount { get; set; }

    [Required(ErrorMessage = "Choisissez le moyen de paiement.")]
    public PaymentMethod? Method { get; set; }

    [StringLength(Preau.FamilyServices.Invoicing.Payment.MaxReferenceLength, ErrorMessage = "La référence compte 100 caractères au plus.")]
    public string? Reference { get; set; }

    [Required(ErrorMessage = "Indiquez la date de réception.")]
    public DateOnly? ReceivedOn { get; set; }
}

internal sealed class CreditNoteInput
{
    public List<Guid> Lines { get; set; } = [];

    public string? Reason { get; set; }
}
