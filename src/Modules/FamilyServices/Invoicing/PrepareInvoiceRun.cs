using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Audit;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.QuotientFamilial;
using Preau.FamilyServices.Services;
using Preau.FamilyServices.Tariffs;
using Preau.Identity.Contracts;
using Preau.Platform.Data;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Invoicing;

/// <summary>
/// Computes (or recomputes) the draft invoices of a month for the whole territory, set-based: the month's
/// billed days, the services, the tariff versions, the quotients and the registrations are read in a few
/// queries, every line is priced in memory by <see cref="TariffRules.Price"/>, and the drafts are written
/// in batches. An issued run is refused. Recomputing deletes the run's drafts first, in the same transaction.
/// </summary>
internal sealed class PrepareInvoiceRun(FamilyServicesDbContext db, IStructureDirectory directory, FamilyServicesAudit audit, TenantContext tenant, TimeProvider clock)
{
    private const int BatchSize = 1_000;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public async Task<(InvoiceRun? Run, RuleError? Error)> HandleAsync(DateOnly month, Guid agentId, CancellationToken cancellationToken)
    {
        month = new DateOnly(month.Year, month.Month, 1);
        var today = tenant.Today(clock);
        if (month > new DateOnly(today.Year, today.Month, 1))
        {
            return (null, new RuleError("Input.Month", Fr("Un mois à venir ne se facture pas encore : choisissez le mois en cours ou un mois passé.")));
        }

        if (month < new DateOnly(today.Year - 2, today.Month, 1))
        {
            return (null, new RuleError("Input.Month", Fr("Choisissez un mois des deux dernières années.")));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var run = await db.InvoiceRuns.FirstOrDefaultAsync(r => r.Month == month, cancellationToken);
        if (run is { Status: InvoiceRunStatus.Issued })
        {
            return (null, new RuleError(string.Empty, Fr("Les factures de {0} sont déjà émises : elles ne changent plus. Corrigez une facture par un avoir."), month.ToString("MMMM yyyy", French)));
        }

        if (run is null)
        {
            run = new InvoiceRun { Month = month, Status = InvoiceRunStatus.Draft, CreatedAt = now, CreatedBy = agentId };
            db.InvoiceRuns.Add(run);
        }
        else
        {
            // Only drafts of this run are deleted: the status is checked again by the delete itself.
            await db.InvoiceLines.Where(l => db.Invoices.Any(i => i.Id == l.InvoiceId && i.RunId == run.Id && i.Status == InvoiceStatus.Draft)).ExecuteDeleteAsync(cancellationToken);
            await db.Invoices.Where(i => i.RunId == run.Id && i.Status == InvoiceStatus.Draft).ExecuteDeleteAsync(cancellationToken);
        }

        var drafts = await ComputeAsync(run, month, now, cancellationToken);
        run.ComputedAt = now;
        run.InvoiceCount = drafts.Invoices.Count;
        run.LineCount = drafts.Invoices.Sum(i => i.Lines.Count);
        run.ChildCount = drafts.Invoices.SelectMany(i => i.Lines).Select(l => l.ChildId).Distinct().Count();
        run.Total = drafts.Invoices.Sum(i => i.Total);
        run.Warnings = drafts.Warnings;
        audit.Record(FamilyAuditAction.InvoiceRunComputed, agentId, run.Id, $"Factures de {month:MMMM yyyy} calculées en brouillon : {run.InvoiceCount} factures, {run.LineCount} lignes, {run.Total:N2} €.");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two agents computed the same new month at once: the unique (territory, month) kept one run.
            return (null, new RuleError("Input.Month", Fr("Ce mois vient d’être calculé par ailleurs : ouvrez-le dans la liste des mois facturés.")));
        }

        var savedAutoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            // On PostgreSQL the lines (a month of a département: hundreds of thousands) go by binary COPY after
            // their invoices; batched INSERTs took most of the run (benchmark, docs/performance.md).
            var copyLines = db.Database.IsNpgsql();
            foreach (var batch in drafts.Invoices.Chunk(BatchSize))
            {
                var lines = copyLines ? batch.SelectMany(i => i.Lines).ToList() : [];
                db.Invoices.AddRange(copyLines ? batch.Select(WithoutLines) : batch);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                if (copyLines)
                {
                    await PostgresCopy.WriteAsync(db, lines, tenant.RequiredTerritoryId, cancellationToken);
                }
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = savedAutoDetect;
        }

        await transaction.CommitAsync(cancellationToken);
        return (run, null);
    }

    /// <summary>The invoice without its lines (written apart), its other values kept.</summary>
    private static Invoice WithoutLines(Invoice invoice)
    {
        invoice.Lines.Clear();
        return invoice;
    }

    private sealed record Drafts(IReadOnlyList<Invoice> Invoices, string? Warnings);

    private sealed record BilledUse(Guid HouseholdId, Guid ChildId, Service Service, DateOnly Day, decimal Quantity, BilledDay How);

    private async Task<Drafts> ComputeAsync(InvoiceRun run, DateOnly month, DateTime now, CancellationToken cancellationToken)
    {
        var end = month.AddMonths(1).AddDays(-1);
        var services = await db.Services.AsNoTracking().Where(s => s.StartsOn <= end && s.EndsOn >= month).ToDictionaryAsync(s => s.Id, cancellationToken);
        var days = await db.ChildDays.AsNoTracking()
            .Where(d => d.Day >= month && d.Day <= end && InvoiceRules.BilledStates.Contains(d.State))
            .Select(d => new { d.HouseholdId, d.ChildId, d.ServiceId, d.Day, d.State, d.LateChange, d.ArrivedAt, d.LeftAt })
            .ToListAsync(cancellationToken);
        var registrations = await db.Registrations.AsNoTracking()
            .Where(r => r.Status == RegistrationStatus.Accepted && r.StartsOn <= end && r.EndsOn >= month)
            .Select(r => new { r.ServiceId, r.ChildId, r.HouseholdId, r.SubmittedAt })
            .ToListAsync(cancellationToken);

        var uses = new List<BilledUse>(days.Count);
        foreach (var d in days)
        {
            if (!services.TryGetValue(d.ServiceId, out var service) || service.BillingUnit == BillingUnit.FlatMonthly)
            {
                continue;
            }

            var quantity = service.BillingUnit == BillingUnit.PerHour ? InvoiceRules.Hours(d.ArrivedAt, d.LeftAt, service.OpensAt, service.ClosesAt) : 1m;
            uses.Add(new BilledUse(d.HouseholdId, d.ChildId, service, d.Day, quantity, InvoiceRules.Bill(d.State, d.LateChange)));
        }

        // A flat monthly service (a workshop) is one line per registered child and month, paid by the household that registered.
        foreach (var r in registrations)
        {
            if (services.TryGetValue(r.ServiceId, out var service) && service.BillingUnit == BillingUnit.FlatMonthly)
            {
                uses.Add(new BilledUse(r.HouseholdId, r.ChildId, service, month, 1m, new BilledDay(true, false, false)));
            }
        }

        var registeredAt = registrations.GroupBy(r => r.ServiceId).ToDictionary(g => g.Key, g => g.GroupBy(r => r.ChildId).ToDictionary(c => c.Key, c => c.Min(r => r.SubmittedAt)));
        var versions = await db.TariffVersions.AsNoTracking().Where(v => v.Status == TariffVersionStatus.Published && v.StartsOn <= end).ToListAsync(cancellationToken);
        var householdIds = uses.Select(u => u.HouseholdId).Distinct().ToList();
        var quotients = (await db.QuotientRecords.AsNoTracking()
                .Where(q => q.Status == QuotientStatus.Validated && q.ValidFrom <= end && q.ValidUntil >= month)
                .ToListAsync(cancellationToken))
            .ToLookup(q => q.HouseholdId);
        var households = await db.Households.AsNoTracking()
            .Where(h => householdIds.Contains(h.Id))
            .Select(h => new { h.Id, h.Name, h.Street, h.PostalCode, h.City })
            .ToDictionaryAsync(h => h.Id, cancellationToken);
        var names = new Dictionary<Guid, string>();
        foreach (var chunk in uses.Select(u => u.ChildId).Distinct().Chunk(5_000))
        {
            foreach (var person in await directory.GetPeopleAsync(chunk, cancellationToken))
            {
                names[person.Id] = person.DisplayName;
            }
        }

        var versionOf = new Dictionary<(Guid Service, DateOnly Day), TariffVersion?>();
        var unpriced = new Dictionary<string, int>();
        var invoices = new List<Invoice>();
        foreach (var household in uses.GroupBy(u => u.HouseholdId).OrderBy(g => households.GetValueOrDefault(g.Key)?.Name, StringComparer.Ordinal))
        {
            var info = households.GetValueOrDefault(household.Key);
            var invoice = new Invoice
            {
                RunId = run.Id,
                HouseholdId = household.Key,
                HouseholdName = info?.Name ?? Fr("Foyer"),
                HouseholdAddress = info is { Street: { Length: > 0 } street } ? $"{street}, {info.PostalCode} {info.City}".Trim() : null,
                Month = month,
                Kind = InvoiceKind.Invoice,
                Status = InvoiceStatus.Draft,
                CreatedAt = now,
            };
            var householdQuotients = quotients[household.Key].ToList();
            var position = 0;
            foreach (var service in household.GroupBy(u => u.Service.Id).OrderBy(g => g.First().Service.Name, StringComparer.Ordinal))
            {
                var serviceRegistrations = registeredAt.GetValueOrDefault(service.Key);
                var ranks = InvoiceRules.Ranks(service.Select(u => (u.ChildId, serviceRegistrations?.GetValueOrDefault(u.ChildId) ?? DateTime.MaxValue)));
                foreach (var use in service.OrderBy(u => names.GetValueOrDefault(u.ChildId), StringComparer.Ordinal).ThenBy(u => u.ChildId).ThenBy(u => u.Day))
                {
                    if (!versionOf.TryGetValue((use.Service.Id, use.Day), out var version))
                    {
                        version = TariffRules.InForce(versions, use.Service.Kind, use.Service.Id, use.Day);
                        versionOf[(use.Service.Id, use.Day)] = version;
                    }

                    if (version is null)
                    {
                        unpriced[use.Service.Name] = unpriced.GetValueOrDefault(use.Service.Name) + 1;
                        continue;
                    }

                    var quotient = QuotientFamilialRecord.InForce(householdQuotients, use.Day)?.Amount;
                    var priced = TariffRules.Price(version, new PricingRequest(quotient, ranks[use.ChildId], use.Quantity, use.How.Late, use.How.NoReservation));
                    invoice.Lines.Add(new InvoiceLine
                    {
                        InvoiceId = invoice.Id,
                        Position = ++position,
                        ChildId = use.ChildId,
                        ChildName = names.GetValueOrDefault(use.ChildId) ?? Fr("Enfant"),
                        ServiceId = use.Service.Id,
                        ServiceName = use.Service.Name,
                        Day = use.Day,
                        Quantity = use.Quantity,
                        Unit = priced.Unit,
                        UnitPrice = priced.UnitPrice,
                        TariffVersionId = version.Id,
                        Explanation = InvoiceRules.Explain(use.Service.Name, use.Day, use.Service.BillingUnit, priced),
                        Late = use.How.Late,
                        NoReservation = use.How.NoReservation,
                        Amount = priced.Amount,
                    });
                }
            }

            invoice.Total = invoice.Lines.Sum(l => l.Amount);
            if (invoice.Lines.Count > 0)
            {
                invoices.Add(invoice);
            }
        }

        var warnings = unpriced.Count == 0 ? null : Fr("Jours non facturés faute de tarif en vigueur : ") + string.Join(", ", unpriced.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => string.Format(French, "{0} ({1})", u.Key, u.Value))) + ".";
        return new Drafts(invoices, warnings is { Length: > InvoiceRun.MaxWarningsLength } ? warnings[..InvoiceRun.MaxWarningsLength] : warnings);
    }
}
