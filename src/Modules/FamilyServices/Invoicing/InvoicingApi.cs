using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Households;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Invoicing;

internal sealed record InvoiceDto(Guid Id, string? Number, string Kind, string Status, DateOnly Month, DateTime? IssuedAt, DateOnly? DueOn, decimal Total, decimal Remaining, string? CorrectedNumber, IReadOnlyList<InvoiceLineDto> Lines);

internal sealed record InvoiceLineDto(Guid ChildId, string Child, Guid ServiceId, string Service, DateOnly Day, decimal Quantity, string Unit, decimal UnitPrice, string Explanation, bool Late, bool NoReservation, decimal Amount);

internal sealed record HouseholdInvoicesDto(Guid HouseholdId, decimal Balance, IReadOnlyList<InvoiceSummary> Invoices);

internal sealed record PaymentNotificationDto(string Outcome, string TransactionId);

/// <summary>
/// /api/v1/family/invoices (the guardian's households' issued invoices and balance; one invoice with its
/// lines for its guardians and the agent) and the bank's server-to-server notification
/// POST /api/v1/territoires/{territory}/paiements/notification (anonymous: authenticated by its signature).
/// </summary>
internal static class InvoicingApi
{
    public static void Map(RouteGroupBuilder family, RouteGroupBuilder api)
    {
        family.MapGet("/invoices", ListAsync).RequireAuthorization(FamilyServicesPermissions.PayInvoices)
            .WithSummary("Les factures émises des foyers du responsable connecté, et leur solde.");
        family.MapGet("/invoices/{id:guid}", GetAsync).RequireAuthorization(Platform.Authorization.Policies.SignedIn)
            .WithSummary("Une facture ou un avoir avec ses lignes expliquées (ses responsables, l’agent).");
        api.MapPost("/territoires/{territory}/paiements/notification", NotifyAsync).AllowAnonymous().DisableAntiforgery()
            .WithSummary("Notification de paiement de la banque (serveur à serveur, signée).").WithTags("Paiement en ligne");
    }

    private static async Task<Ok<IReadOnlyList<HouseholdInvoicesDto>>> ListAsync(HttpContext http, InvoiceAccess access, InvoiceQueries queries, CancellationToken cancellationToken)
    {
        var result = new List<HouseholdInvoicesDto>();
        foreach (var household in await access.HouseholdsOfAsync(http.User, cancellationToken))
        {
            var account = await queries.AccountAsync(household, cancellationToken);
            result.Add(new HouseholdInvoicesDto(household, account.Balance, account.Invoices));
        }

        return TypedResults.Ok<IReadOnlyList<HouseholdInvoicesDto>>(result);
    }

    private static async Task<Results<Ok<InvoiceDto>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, InvoiceAccess access, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        if (await access.ReadableAsync(http.User, id, cancellationToken) is not { } s)
        {
            return ApiRequests.NotFound(localizer);
        }

        var i = s.Invoice;
        return TypedResults.Ok(new InvoiceDto(i.Id, i.Number, i.Kind.ToString(), i.Status.ToString(), i.Month, i.IssuedAt, i.DueOn, i.Total, s.Remaining, s.CorrectedNumber,
            i.Lines.OrderBy(l => l.Position).Select(l => new InvoiceLineDto(l.ChildId, l.ChildName, l.ServiceId, l.ServiceName, l.Day, l.Quantity, l.Unit.ToString(), l.UnitPrice, l.Explanation, l.Late, l.NoReservation, l.Amount)).ToList()));
    }

    private static async Task<Results<Ok<PaymentNotificationDto>, ProblemHttpResult>> NotifyAsync(
        string territory, HttpContext http, IStructureDirectory directory, TenantContext tenant, OnlinePayments payments, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        if (await PublicTerritory.EnterAsync(territory, http.User, directory, tenant, cancellationToken) is null)
        {
            return ApiRequests.NotFound(localizer);
        }

        if (!http.Request.HasFormContentType || http.Request.ContentLength > 4_096)
        {
            return ApiRequests.Problem(StatusCodes.Status400BadRequest, localizer["La notification est un formulaire (transaction, montant, resultat, signature)."]);
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        if (GatewayAnswer.Read(territory, form["transaction"], form["montant"], form["resultat"], form["signature"]) is not { } message)
        {
            return ApiRequests.Problem(StatusCodes.Status400BadRequest, localizer["La notification est incomplète : transaction, montant (en centimes), resultat et signature sont attendus."]);
        }

        var (outcome, _, error) = await payments.ReceiveAsync(message, cancellationToken);
        if (error is not null)
        {
            return ApiRequests.Problem(StatusCodes.Status400BadRequest, localizer[error.Message, error.Arguments]);
        }

        return TypedResults.Ok(new PaymentNotificationDto(outcome!.Value.ToString(), message.TransactionId));
    }
}

/// <summary>Reads a bank's answer from a query string or a form, refusing what cannot be one.</summary>
internal static class GatewayAnswer
{
    public static GatewayMessage? Read(string territory, string? transaction, string? amount, string? outcome, string? signature) =>
        transaction is { Length: > 0 and <= 64 } && outcome is { Length: > 0 and <= 20 } && signature is { Length: > 0 and <= 128 }
            && long.TryParse(amount, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var cents)
            ? new GatewayMessage(territory, transaction, cents, outcome, signature)
            : null;
}
