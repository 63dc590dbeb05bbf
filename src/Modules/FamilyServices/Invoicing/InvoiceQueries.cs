using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Invoicing;

/// <summary>An invoice with what corrected and paid it.</summary>
internal sealed record InvoiceStatement(Invoice Invoice, string? CorrectedNumber, IReadOnlyList<Invoice> CreditNotes, IReadOnlyList<Payment> Payments, IReadOnlySet<Guid> CreditedLines)
{
    public decimal Credited => CreditNotes.Sum(c => c.Total);

    public decimal Paid => Payments.Sum(p => p.Amount);

    public decimal Remaining => Invoice.Kind == InvoiceKind.Invoice && Invoice.IsIssued ? InvoiceRules.Remaining(Invoice.Total, Credited, Paid) : 0m;
}

/// <summary>One issued invoice or credit note in a household's list.</summary>
internal sealed record InvoiceSummary(Guid Id, string? Number, InvoiceKind Kind, DateOnly Month, DateTime? IssuedAt, DateOnly? DueOn, decimal Total, decimal Remaining);

/// <summary>A household's account: issued invoices and credit notes, payments, and the balance (invoiced − credited − paid).</summary>
internal sealed record HouseholdAccount(IReadOnlyList<InvoiceSummary> Invoices, IReadOnlyList<Payment> Payments)
{
    public decimal Balance => Invoices.Sum(i => i.Total) - Payments.Sum(p => p.Amount);
}

/// <summary>A household's balance in the agent's list: what is due, and how much of it is overdue.</summary>
internal sealed record HouseholdBalance(Guid HouseholdId, string HouseholdName, decimal Invoiced, decimal Paid, decimal NotYetDue)
{
    public decimal Balance => Invoiced - Paid;

    /// <summary>Payments settle the oldest invoices first: what exceeds the invoices not yet due is overdue.</summary>
    public decimal Overdue => Math.Max(0m, Balance - NotYetDue);
}

/// <summary>Reads invoices, payments and balances (the territory filter keeps them in the agent's territory).</summary>
internal sealed class InvoiceQueries(FamilyServicesDbContext db)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<InvoiceRun>> RunsAsync(CancellationToken cancellationToken) =>
        await db.InvoiceRuns.AsNoTracking().OrderByDescending(r => r.Month).Take(36).ToListAsync(cancellationToken);

    public async Task<InvoiceRun?> RunAsync(Guid id, CancellationToken cancellationToken) =>
        await db.InvoiceRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public async Task<PageOf<Invoice>> RunInvoicesAsync(Guid runId, int page, CancellationToken cancellationToken)
    {
        var query = db.Invoices.AsNoTracking().Where(i => i.RunId == runId);
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await query.OrderBy(i => i.HouseholdName).ThenBy(i => i.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new PageOf<Invoice>(items, page, PageSize, total);
    }

    public async Task<InvoiceStatement?> StatementAsync(Guid invoiceId, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines.OrderBy(l => l.Position)).AsSplitQuery().FirstOrDefaultAsync(i => i.Id == invoiceId, cancellationToken);
        if (invoice is null)
        {
            return null;
        }

        var creditNotes = invoice.Kind == InvoiceKind.Invoice
            ? await db.Invoices.AsNoTracking().Include(i => i.Lines).Where(i => i.CorrectsInvoiceId == invoice.Id).OrderBy(i => i.IssuedAt).ToListAsync(cancellationToken)
            : [];
        var corrected = invoice.CorrectsInvoiceId is { } correctedId ? await db.Invoices.AsNoTracking().Where(i => i.Id == correctedId).Select(i => i.Number).FirstOrDefaultAsync(cancellationToken) : null;
        var payments = await db.Payments.AsNoTracking().Where(p => p.InvoiceId == invoice.Id).OrderBy(p => p.ReceivedOn).ThenBy(p => p.RecordedAt).ToListAsync(cancellationToken);
        var credited = creditNotes.SelectMany(c => c.Lines).Where(l => l.CorrectsLineId is not null).Select(l => l.CorrectsLineId!.Value).ToHashSet();
        return new InvoiceStatement(invoice, corrected, creditNotes, payments, credited);
    }

    public async Task<HouseholdAccount> AccountAsync(Guid householdId, CancellationToken cancellationToken)
    {
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.HouseholdId == householdId && i.Status == InvoiceStatus.Issued)
            .OrderByDescending(i => i.IssuedAt).Take(200)
            .Select(i => new { i.Id, i.Number, i.Kind, i.Month, i.IssuedAt, i.DueOn, i.Total, i.CorrectsInvoiceId })
            .ToListAsync(cancellationToken);
        var payments = await db.Payments.AsNoTracking().Where(p => p.HouseholdId == householdId).OrderByDescending(p => p.ReceivedOn).Take(200).ToListAsync(cancellationToken);
        var credited = invoices.Where(i => i.CorrectsInvoiceId is not null).GroupBy(i => i.CorrectsInvoiceId!.Value).ToDictionary(g => g.Key, g => g.Sum(i => i.Total));
        var paid = payments.Where(p => p.InvoiceId is not null).GroupBy(p => p.InvoiceId!.Value).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        return new HouseholdAccount(
            invoices.Select(i => new InvoiceSummary(i.Id, i.Number, i.Kind, i.Month, i.IssuedAt, i.DueOn, i.Total,
                i.Kind == InvoiceKind.Invoice ? InvoiceRules.Remaining(i.Total, credited.GetValueOrDefault(i.Id), paid.GetValueOrDefault(i.Id)) : 0m)).ToList(),
            payments);
    }

    /// <summary>
    /// What households owe (issued invoices and credit notes, less payments), or null when they have no issued
    /// invoice: two narrow queries.
    /// </summary>
    public async Task<decimal?> BalanceOfHouseholdsAsync(IReadOnlyCollection<Guid> households, CancellationToken cancellationToken)
    {
        if (households.Count == 0)
        {
            return null;
        }

        var invoiced = await db.Invoices.AsNoTracking().Where(i => i.Status == InvoiceStatus.Issued && households.Contains(i.HouseholdId)).Select(i => i.Total).ToListAsync(cancellationToken);
        if (invoiced.Count == 0)
        {
            return null;
        }

        var paid = await db.Payments.AsNoTracking().Where(p => households.Contains(p.HouseholdId)).Select(p => p.Amount).ToListAsync(cancellationToken);
        return invoiced.Sum() - paid.Sum();
    }

    /// <summary>
    /// The households with something to pay, most overdue first. Two narrow queries summed in memory
    /// (SQLite stores decimals as text and does not sum them).
    /// </summary>
    public async Task<IReadOnlyList<HouseholdBalance>> BalancesAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var invoiced = await db.Invoices.AsNoTracking().Where(i => i.Status == InvoiceStatus.Issued)
            .Select(i => new { i.HouseholdId, i.HouseholdName, i.Total, NotYetDue = i.Kind == InvoiceKind.Invoice && i.DueOn >= today })
            .ToListAsync(cancellationToken);
        var paid = (await db.Payments.AsNoTracking().Select(p => new { p.HouseholdId, p.Amount }).ToListAsync(cancellationToken))
            .GroupBy(p => p.HouseholdId).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        return invoiced.GroupBy(i => i.HouseholdId)
            .Select(g => new HouseholdBalance(g.Key, g.Min(i => i.HouseholdName)!, g.Sum(i => i.Total), paid.GetValueOrDefault(g.Key), g.Where(i => i.NotYetDue).Sum(i => i.Total)))
            .Where(b => b.Balance > 0)
            .OrderByDescending(b => b.Overdue).ThenBy(b => b.HouseholdName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Issued invoices and credit notes of a period of issue, for the accounting export.</summary>
    public async Task<IReadOnlyList<Invoice>> IssuedBetweenAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        await db.Invoices.AsNoTracking().Where(i => i.Status == InvoiceStatus.Issued && i.IssuedAt >= fromUtc && i.IssuedAt < toUtc)
            .OrderBy(i => i.Number).ToListAsync(cancellationToken);

    /// <summary>Payments received in a period, for the accounting export.</summary>
    public async Task<IReadOnlyList<(Payment Payment, string? InvoiceNumber, string HouseholdName)>> PaymentsBetweenAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var rows = await (from p in db.Payments.AsNoTracking()
                          where p.ReceivedOn >= first && p.ReceivedOn <= last
                          join i in db.Invoices on p.InvoiceId equals (Guid?)i.Id into invoices
                          from i in invoices.DefaultIfEmpty()
                          orderby p.ReceivedOn, p.RecordedAt
                          select new { Payment = p, Number = i == null ? null : i.Number, Name = i == null ? string.Empty : i.HouseholdName })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Payment, (string?)r.Number, r.Name)).ToList();
    }
}
