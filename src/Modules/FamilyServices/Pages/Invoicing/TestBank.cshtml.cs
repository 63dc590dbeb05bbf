using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Invoicing;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Pages.Invoicing;

/// <summary>
/// The test gateway's "bank page" (<see cref="TestPaymentGateway"/>): it checks the town's signed request,
/// lets the payer accept or refuse, then does what a public online payment service does: it notifies the
/// town server to server (the same <see cref="OnlinePayments.ReceiveAsync"/> as the notification endpoint)
/// and sends the payer back with a signed answer. Anonymous, like a bank's page.
/// </summary>
[AllowAnonymous]
internal sealed class TestBankModel(TestPaymentGateway gateway, OnlinePayments payments, IStructureDirectory directory, TenantContext tenant, IStringLocalizer localizer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "territoire")]
    public string? Territory { get; set; }

    [BindProperty(SupportsGet = true, Name = "transaction")]
    public string? Transaction { get; set; }

    [BindProperty(SupportsGet = true, Name = "montant")]
    public long Amount { get; set; }

    [BindProperty(SupportsGet = true, Name = "signature")]
    public string? Signature { get; set; }

    public string? Problem { get; private set; }

    public string AmountText => (Amount / 100m).ToString("N2", CultureInfo.GetCultureInfo("fr-FR"));

    public IActionResult OnGet()
    {
        CheckRequest();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? decision, CancellationToken cancellationToken)
    {
        if (!CheckRequest())
        {
            return Page();
        }

        if (await PublicTerritory.EnterAsync(Territory!, User, directory, tenant, cancellationToken) is null)
        {
            return NotFound();
        }

        var outcome = decision == "accepter" ? GatewayMessage.Paid : GatewayMessage.Refused;
        var answer = new GatewayMessage(Territory!, Transaction!, Amount, outcome, string.Empty);
        answer = answer with { Signature = gateway.Sign(answer) };

        // The bank's notification, server to server: recorded even if the payer never comes back.
        await payments.ReceiveAsync(answer, cancellationToken);
        return Redirect(string.Create(CultureInfo.InvariantCulture,
            $"/famille/factures/paiement?transaction={Uri.EscapeDataString(answer.TransactionId)}&montant={answer.AmountInCents}&resultat={answer.Outcome}&signature={answer.Signature}"));
    }

    private bool CheckRequest()
    {
        if (Territory is { Length: > 0 and <= 100 } && Transaction is { Length: > 0 and <= 64 } && Amount > 0
            && gateway.IsAuthentic(new PaymentRequest(Territory, Transaction, Amount), Signature))
        {
            return true;
        }

        Problem = localizer["Demande de paiement invalide : la signature de la commune ne correspond pas. Aucun paiement n’est possible."];
        return false;
    }
}
