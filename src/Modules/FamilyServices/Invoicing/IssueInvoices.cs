using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Preau.Communication.Contracts;
using Preau.FamilyServices.Audit;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Invoicing;

/// <summary>
/// Gives invoice numbers from the territory's counter of the year, in the caller's transaction: the
/// counter's row is incremented first (its lock serialises two issues until commit), so two transactions
/// never take the same numbers and a rolled-back issue gives its numbers back (no gap).
/// </summary>
internal sealed class InvoiceNumbers(FamilyServicesDbContext db)
{
    /// <summary>Reserves <paramref name="count"/> numbers of <paramref name="year"/>; returns the first sequence number.</summary>
    public async Task<int> ReserveAsync(int year, int count, CancellationToken cancellationToken)
    {
        var updated = await db.InvoiceNumberCounters.Where(c => c.Year == year).ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, c => c.Last + count), cancellationToken);
        if (updated == 0)
        {
            // The first issue of the year creates the row; a simultaneous first issue fails on its key and is retried by the agent.
            db.InvoiceNumberCounters.Add(new InvoiceNumberCounter { Year = year, Last = count });
            await db.SaveChangesAsync(cancellationToken);
            return 1;
        }

        var last = await db.InvoiceNumberCounters.AsNoTracking().Where(c => c.Year == year).Select(c => c.Last).SingleAsync(cancellationToken);
        return last - count + 1;
    }
}

/// <summary>
/// Issues a draft run: every draft invoice of the run gets its number (in the order of the households'
/// names), its issue date and its due date, in one transaction; the guardians are notified. An issued run
/// cannot be issued again ("déjà émises"), and nothing changes.
/// </summary>
internal sealed class IssueInvoiceRun(FamilyServicesDbContext db, InvoiceNumbers numbers, FamilyServicesAudit audit, TenantContext tenant, TimeProvider clock)
{
    public const string Category = "familyservices.invoice";

    private const int BatchSize = 1_000;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public async Task<(InvoiceRun? Run, RuleError? Error)> HandleAsync(Guid runId, Guid agentId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = tenant.Today(clock);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The status changes first, conditionally: of two simultaneous clicks, one issues, the other is told.
        var claimed = await db.InvoiceRuns.Where(r => r.Id == runId && r.Status == InvoiceRunStatus.Draft)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, InvoiceRunStatus.Issued).SetProperty(r => r.IssuedAt, now).SetProperty(r => r.IssuedBy, agentId), cancellationToken);
        var run = await db.InvoiceRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
        {
            return (null, null);
        }

        if (claimed == 0)
        {
            return (null, new RuleError(string.Empty, Fr("Ces factures sont déjà émises : une facture émise ne change plus et ne reçoit pas un second numéro.")));
        }

        var ids = await db.Invoices.AsNoTracking().Where(i => i.RunId == runId && i.Status == InvoiceStatus.Draft)
            .OrderBy(i => i.HouseholdName).ThenBy(i => i.Id).Select(i => new { i.Id, i.HouseholdId }).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return (null, new RuleError(string.Empty, Fr("Aucune facture à émettre : recalculez le brouillon après avoir vérifié les réservations et les tarifs.")));
        }

        var first = await numbers.ReserveAsync(today.Year, ids.Count, cancellationToken);
        var due = InvoiceRules.DueOn(today);
        var sequence = first;
        foreach (var batch in ids.Chunk(BatchSize))
        {
            var invoices = await db.Invoices.Where(i => batch.Select(b => b.Id).Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
            foreach (var id in batch)
            {
                var invoice = invoices[id.Id];
                invoice.Number = InvoiceRules.Number(today.Year, sequence++);
                invoice.Status = InvoiceStatus.Issued;
                invoice.IssuedAt = now;
                invoice.DueOn = due;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        var guardians = await GuardiansAsync(db, ids.Select(i => i.HouseholdId), cancellationToken);
        if (guardians.Count > 0)
        {
            db.Publish(new NotificationRequested(guardians, Category, NotificationKind.ActionRequired, Fr("Votre facture de {0} est disponible"), [run.Month.ToString("MMMM yyyy", French)], "/famille/factures"));
        }

        audit.Record(FamilyAuditAction.InvoiceRunIssued, agentId, run.Id, $"Factures de {run.Month:MMMM yyyy} émises : {ids.Count} factures numérotées de {InvoiceRules.Number(today.Year, first)} à {InvoiceRules.Number(today.Year, sequence - 1)}, {run.Total:N2} €.");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (run, null);
    }

    internal static async Task<List<Guid>> GuardiansAsync(FamilyServicesDbContext db, IEnumerable<Guid> householdIds, CancellationToken cancellationToken)
    {
        var result = new List<Guid>();
        foreach (var chunk in householdIds.Distinct().Chunk(5_000))
        {
            result.AddRange(await db.HouseholdMembers.AsNoTracking().Where(m => chunk.Contains(m.HouseholdId) && m.Role == MemberRole.Guardian).Select(m => m.PersonId).ToListAsync(cancellationToken));
        }

        return result.Distinct().ToList();
    }
}
