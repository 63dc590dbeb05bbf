using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Audit;
using Preau.FamilyServices.Data;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Invoicing;

/// <summary>What became of a bank's answer.</summary>
internal enum GatewayOutcome
{
    /// <summary>Paid: a payment was recorded now.</summary>
    Paid,

    /// <summary>Refused or cancelled at the bank: nothing to record.</summary>
    Refused,

    /// <summary>This transaction was already closed by an earlier answer: nothing changed (idempotent).</summary>
    AlreadyReceived,
}

/// <summary>
/// Online payment of an invoice by a guardian: <see cref="StartAsync"/> opens a transaction for what remains
/// to pay and gives the bank page's address; <see cref="ReceiveAsync"/> applies the bank's signed answer,
/// whether it comes by the family's return or by the server-to-server notification, once: the transaction's
/// status changes conditionally (Started → Paid) in the transaction that records the payment, so a second
/// answer, even simultaneous, records nothing. A forged signature or a changed amount is refused and
/// changes nothing.
/// </summary>
internal sealed class OnlinePayments(FamilyServicesDbContext db, InvoiceQueries queries, IPaymentGateway gateway, FamilyServicesAudit audit, TenantContext tenant, TimeProvider clock)
{
    public async Task<(string? PaymentPageUrl, RuleError? Error)> StartAsync(Guid invoiceId, string territorySlug, Guid guardianId, CancellationToken cancellationToken)
    {
        if (await queries.StatementAsync(invoiceId, cancellationToken) is not { } statement)
        {
            return (null, null);
        }

        if (statement.Invoice.Kind != InvoiceKind.Invoice || !statement.Invoice.IsIssued || statement.Remaining <= 0)
        {
            return (null, new RuleError(string.Empty, Fr("Cette facture n’a plus rien à payer.")));
        }

        var online = new OnlinePayment
        {
            TransactionId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            InvoiceId = statement.Invoice.Id,
            HouseholdId = statement.Invoice.HouseholdId,
            Amount = statement.Remaining,
            Status = OnlinePaymentStatus.Started,
            StartedAt = clock.GetUtcNow().UtcDateTime,
            StartedBy = guardianId,
        };
        db.OnlinePayments.Add(online);
        await db.SaveChangesAsync(cancellationToken);
        return (gateway.PaymentPageUrl(new PaymentRequest(territorySlug, online.TransactionId, Cents(online.Amount))), null);
    }

    public async Task<(GatewayOutcome? Outcome, OnlinePayment? Payment, RuleError? Error)> ReceiveAsync(GatewayMessage message, CancellationToken cancellationToken)
    {
        if (!gateway.IsAuthentic(message))
        {
            return (null, null, new RuleError("signature", Fr("La signature de la banque ne correspond pas : ce retour de paiement n’est pas authentique. Rien n’a été enregistré.")));
        }

        if (message.Outcome is not (GatewayMessage.Paid or GatewayMessage.Refused))
        {
            return (null, null, new RuleError("resultat", Fr("Résultat de paiement inconnu. Rien n’a été enregistré.")));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var online = await db.OnlinePayments.AsNoTracking().FirstOrDefaultAsync(o => o.TransactionId == message.TransactionId, cancellationToken);
        if (online is null)
        {
            return (null, null, new RuleError("transaction", Fr("Paiement inconnu. Rien n’a été enregistré.")));
        }

        if (Cents(online.Amount) != message.AmountInCents)
        {
            return (null, online, new RuleError("montant", Fr("Le montant annoncé par la banque ne correspond pas au paiement demandé. Rien n’a été enregistré.")));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var paid = message.Outcome == GatewayMessage.Paid;
        var paymentId = paid ? Guid.CreateVersion7() : (Guid?)null;
        var closed = await db.OnlinePayments.Where(o => o.Id == online.Id && o.Status == OnlinePaymentStatus.Started)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, paid ? OnlinePaymentStatus.Paid : OnlinePaymentStatus.Refused).SetProperty(o => o.CompletedAt, now).SetProperty(o => o.PaymentId, paymentId), cancellationToken);
        if (closed == 0)
        {
            return (GatewayOutcome.AlreadyReceived, await db.OnlinePayments.AsNoTracking().FirstAsync(o => o.Id == online.Id, cancellationToken), null);
        }

        if (paid)
        {
            db.Payments.Add(new Payment
            {
                Id = paymentId!.Value,
                HouseholdId = online.HouseholdId,
                InvoiceId = online.InvoiceId,
                Amount = online.Amount,
                Method = PaymentMethod.Online,
                Reference = online.TransactionId,
                ReceivedOn = tenant.Today(clock),
                RecordedAt = now,
            });
            audit.Record(FamilyAuditAction.OnlinePaymentReceived, null, online.InvoiceId, $"Paiement en ligne de {online.Amount:N2} € reçu (transaction {online.TransactionId}).");
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (paid ? GatewayOutcome.Paid : GatewayOutcome.Refused, online, null);
    }

    public static long Cents(decimal amount) => (long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);
}
