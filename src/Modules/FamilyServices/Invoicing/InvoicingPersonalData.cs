using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.Platform.Privacy;

namespace Preau.FamilyServices.Invoicing;

/// <summary>
/// What invoicing holds about one person (RGPD art. 15 and 20): as a guardian, the issued invoices and
/// credit notes of the households they belong to, line by line, their payments and the online payments
/// they started; as a child, the issued lines that name them; as an agent, the payments they recorded.
/// Drafts are not exported: they are recomputed until issued and no family sees them.
/// On erasure the invoices stay as issued (accounting records, ten years, see docs/privacy.md); only the
/// person's id leaves the "who did it" of payments and runs.
/// </summary>
internal sealed class InvoicingPersonalData(FamilyServicesDbContext db, FamilyAccess access) : IPersonalDataSource
{
    public string Module => "familyservices.invoicing";

    public async Task<object?> ExportAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var households = await access.HouseholdsOfGuardianAsync(accountId, cancellationToken);
        var invoices = await db.Invoices.AsNoTracking().Include(i => i.Lines)
            .Where(i => households.Contains(i.HouseholdId) && i.Status == InvoiceStatus.Issued)
            .OrderBy(i => i.IssuedAt)
            .ToListAsync(cancellationToken);
        var linesAsChild = await (from l in db.InvoiceLines.AsNoTracking()
                                  join i in db.Invoices.AsNoTracking() on l.InvoiceId equals i.Id
                                  where l.ChildId == accountId && i.Status == InvoiceStatus.Issued && !households.Contains(i.HouseholdId)
                                  orderby l.Day
                                  select new { Facture = i.Number, l.ServiceName, l.Day, l.Explanation, l.Amount }).ToListAsync(cancellationToken);
        var payments = await db.Payments.AsNoTracking()
            .Where(p => households.Contains(p.HouseholdId))
            .OrderBy(p => p.ReceivedOn)
            .ToListAsync(cancellationToken);
        var online = await db.OnlinePayments.AsNoTracking()
            .Where(p => p.StartedBy == accountId)
            .OrderBy(p => p.StartedAt)
            .ToListAsync(cancellationToken);
        var recorded = await db.Payments.AsNoTracking()
            .Where(p => p.RecordedBy == accountId && !households.Contains(p.HouseholdId))
            .OrderBy(p => p.RecordedAt)
            .Select(p => new { Date = p.RecordedAt, Montant = p.Amount, Moyen = p.Method.ToString(), Facture = p.InvoiceId })
            .ToListAsync(cancellationToken);
        if (invoices.Count == 0 && linesAsChild.Count == 0 && payments.Count == 0 && online.Count == 0 && recorded.Count == 0)
        {
            return null;
        }

        var numbers = invoices.ToDictionary(i => i.Id, i => i.Number);
        return new
        {
            Factures = invoices.Select(i => new
            {
                Numéro = i.Number,
                Type = i.Kind == InvoiceKind.CreditNote ? "Avoir" : "Facture",
                Mois = i.Month,
                ÉmiseLe = i.IssuedAt,
                ÉchéanceLe = i.DueOn,
                Foyer = i.HouseholdName,
                Adresse = i.HouseholdAddress,
                i.Total,
                Motif = i.Reason,
                Lignes = i.Lines.OrderBy(l => l.Position).Select(l => new
                {
                    Enfant = l.ChildName,
                    Service = l.ServiceName,
                    Jour = l.Day,
                    Quantité = l.Quantity,
                    PrixUnitaire = l.UnitPrice,
                    Montant = l.Amount,
                    Explication = l.Explanation,
                }),
            }),
            LignesVousConcernant = linesAsChild.Select(l => new { l.Facture, Service = l.ServiceName, Jour = l.Day, Explication = l.Explanation, Montant = l.Amount }),
            Paiements = payments.Select(p => new
            {
                ReçuLe = p.ReceivedOn,
                Montant = p.Amount,
                Moyen = p.Method.ToString(),
                Référence = p.Reference,
                Facture = p.InvoiceId is { } id ? numbers.GetValueOrDefault(id) : null,
            }),
            PaiementsEnLigneCommencés = online.Select(p => new { Transaction = p.TransactionId, Montant = p.Amount, CommencéLe = p.StartedAt, État = p.Status.ToString(), TerminéLe = p.CompletedAt }),
            PaiementsEnregistrésParVous = recorded,
        };
    }

    public async Task EraseAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await db.Payments.Where(p => p.RecordedBy == accountId).ExecuteUpdateAsync(s => s.SetProperty(p => p.RecordedBy, (Guid?)null), cancellationToken);
        await db.OnlinePayments.Where(p => p.StartedBy == accountId).ExecuteUpdateAsync(s => s.SetProperty(p => p.StartedBy, Guid.Empty), cancellationToken);
        await db.InvoiceRuns.Where(r => r.CreatedBy == accountId).ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedBy, Guid.Empty), cancellationToken);
        await db.InvoiceRuns.Where(r => r.IssuedBy == accountId).ExecuteUpdateAsync(s => s.SetProperty(r => r.IssuedBy, (Guid?)null), cancellationToken);
    }
}
