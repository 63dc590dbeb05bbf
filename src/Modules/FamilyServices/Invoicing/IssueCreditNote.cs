using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Audit;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Invoicing;

/// <summary>
/// Corrects an issued invoice: a credit note cancelling the lines the agent chose, with the agent's reason,
/// issued at once with its own number (negative amounts). A line is cancelled once at most (a unique index
/// keeps it even when two agents click together).
/// </summary>
internal sealed class IssueCreditNote(FamilyServicesDbContext db, InvoiceNumbers numbers, FamilyServicesAudit audit, TenantContext tenant, TimeProvider clock)
{
    public async Task<(Invoice? CreditNote, RuleError? Error)> HandleAsync(Guid invoiceId, IReadOnlySet<Guid> lineIds, string? reason, Guid agentId, CancellationToken cancellationToken)
    {
        if (PlainText.Check(reason, Invoice.MaxReasonLength, required: true) is { } invalid)
        {
            return (null, new RuleError("Input.Reason", invalid, Invoice.MaxReasonLength));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = tenant.Today(clock);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == invoiceId, cancellationToken);
        if (invoice is null)
        {
            return (null, null);
        }

        var invoiceLineIds = invoice.Lines.Select(l => (Guid?)l.Id).ToList();
        var credited = (await db.InvoiceLines.AsNoTracking()
            .Where(l => invoiceLineIds.Contains(l.CorrectsLineId))
            .Select(l => l.CorrectsLineId!.Value).ToListAsync(cancellationToken)).ToHashSet();
        var creditNoteId = Guid.CreateVersion7();
        var (lines, error) = InvoiceRules.CreditLines(invoice, lineIds, credited, creditNoteId);
        if (error is not null)
        {
            return (null, error);
        }

        var sequence = await numbers.ReserveAsync(today.Year, 1, cancellationToken);
        var note = new Invoice
        {
            Id = creditNoteId,
            HouseholdId = invoice.HouseholdId,
            HouseholdName = invoice.HouseholdName,
            HouseholdAddress = invoice.HouseholdAddress,
            Month = invoice.Month,
            Kind = InvoiceKind.CreditNote,
            CorrectsInvoiceId = invoice.Id,
            Number = InvoiceRules.Number(today.Year, sequence),
            Status = InvoiceStatus.Issued,
            CreatedAt = now,
            IssuedAt = now,
            DueOn = today,
            Reason = reason!.Trim(),
            Lines = [.. lines],
            Total = lines.Sum(l => l.Amount),
        };
        db.Invoices.Add(note);
        audit.Record(FamilyAuditAction.CreditNoteIssued, agentId, invoice.Id, $"Avoir {note.Number} sur la facture {invoice.Number} : {note.Total:N2} € ({lines.Count} ligne(s)).");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return (null, new RuleError("Lines", Fr("Une ligne choisie a déjà été annulée par un avoir.")));
        }

        return (note, null);
    }
}
