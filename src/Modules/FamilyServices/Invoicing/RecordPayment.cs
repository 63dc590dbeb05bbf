using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Audit;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Invoicing;

/// <summary>A payment the agent received at the counter or by post.</summary>
internal sealed record PaymentReceived(Guid InvoiceId, decimal? Amount, PaymentMethod Method, string? Reference, DateOnly? ReceivedOn);

/// <summary>
/// Records a payment received by the agent (cheque, cash, CESU, transfer) for an issued invoice: at most
/// what remains to pay, received today or before; audited.
/// </summary>
internal sealed class RecordPayment(FamilyServicesDbContext db, InvoiceQueries queries, FamilyServicesAudit audit, TenantContext tenant, TimeProvider clock)
{
    public static readonly PaymentMethod[] CounterMethods = [PaymentMethod.Cheque, PaymentMethod.Cash, PaymentMethod.Cesu, PaymentMethod.Transfer];

    public async Task<(Payment? Payment, RuleError? Error)> HandleAsync(PaymentReceived request, Guid agentId, CancellationToken cancellationToken)
    {
        if (!CounterMethods.Contains(request.Method))
        {
            return (null, new RuleError("Input.Method", Fr("Choisissez le moyen de paiement : chèque, espèces, CESU ou virement.")));
        }

        if (PlainText.Check(request.Reference, Payment.MaxReferenceLength) is { } invalid)
        {
            return (null, new RuleError("Input.Reference", invalid, Payment.MaxReferenceLength));
        }

        var today = tenant.Today(clock);
        if (request.ReceivedOn is not { } receivedOn || receivedOn > today || receivedOn < today.AddYears(-2))
        {
            return (null, new RuleError("Input.ReceivedOn", Fr("Indiquez la date de réception : aujourd’hui ou un jour passé (deux ans au plus).")));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Serialises the payments of one invoice (a no-op update takes the row's lock until commit; SQLite has
        // one writer): two agents entering the same cheque at once cannot both pass the check on what remains.
        await db.Invoices.Where(i => i.Id == request.InvoiceId).ExecuteUpdateAsync(s => s.SetProperty(i => i.Total, i => i.Total), cancellationToken);
        if (await queries.StatementAsync(request.InvoiceId, cancellationToken) is not { } statement)
        {
            return (null, null);
        }

        if (statement.Invoice.Kind != InvoiceKind.Invoice || !statement.Invoice.IsIssued)
        {
            return (null, new RuleError(string.Empty, Fr("Un paiement se rapporte à une facture émise.")));
        }

        if (InvoiceRules.CheckPayment(request.Amount, statement.Remaining) is { } wrong)
        {
            return (null, wrong);
        }

        var payment = new Payment
        {
            HouseholdId = statement.Invoice.HouseholdId,
            InvoiceId = statement.Invoice.Id,
            Amount = request.Amount!.Value,
            Method = request.Method,
            Reference = PlainText.Clean(request.Reference),
            ReceivedOn = receivedOn,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            RecordedBy = agentId,
        };
        db.Payments.Add(payment);
        audit.Record(FamilyAuditAction.PaymentRecorded, agentId, statement.Invoice.Id, $"Paiement de {payment.Amount:N2} € ({payment.Method}) reçu le {receivedOn:dd/MM/yyyy} pour la facture {statement.Invoice.Number}.");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (payment, null);
    }
}
