using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Invoicing;
using Preau.Identity.Contracts;

namespace Preau.FamilyServices.Pages.Invoicing;

/// <summary>
/// Where the bank sends the family back, with its signed answer. The answer is applied like the bank's
/// notification (whichever comes first records the payment, the other changes nothing); a forged or
/// altered answer is refused with a message and records nothing.
/// </summary>
[Authorize(Policy = FamilyServicesPermissions.PayInvoices)]
internal sealed class PaymentReturnModel(OnlinePayments payments, IStructureDirectory directory, IStringLocalizer localizer) : PageModel
{
    public GatewayOutcome? Outcome { get; private set; }

    public string? Problem { get; private set; }

    public Guid? InvoiceId { get; private set; }

    public bool WasPaid { get; private set; }

    public async Task<IActionResult> OnGetAsync(
        [FromQuery(Name = "transaction")] string? transaction, [FromQuery(Name = "montant")] string? amount, [FromQuery(Name = "resultat")] string? outcome, [FromQuery(Name = "signature")] string? signature,
        CancellationToken cancellationToken)
    {
        var territory = await directory.GetCurrentTerritoryAsync(cancellationToken);
        if (territory is null || GatewayAnswer.Read(territory.Slug, transaction, amount, outcome, signature) is not { } message)
        {
            Problem = localizer["Le retour de la banque est incomplet. Rien n’a été enregistré : consultez vos factures avant de payer à nouveau."];
            return Page();
        }

        var (result, online, error) = await payments.ReceiveAsync(message, cancellationToken);
        if (error is not null)
        {
            Problem = localizer[error.Message, error.Arguments];
            return Page();
        }

        Outcome = result;
        InvoiceId = online!.InvoiceId;
        WasPaid = online.Status == OnlinePaymentStatus.Paid || result == GatewayOutcome.Paid;
        return Page();
    }
}
