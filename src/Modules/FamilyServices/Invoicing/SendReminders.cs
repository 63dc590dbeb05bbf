using Preau.Communication.Contracts;
using Preau.FamilyServices.Audit;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Tariffs;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Invoicing;

/// <summary>
/// Reminds the households with an overdue balance: each guardian is notified (in the app, and by e-mail per
/// their preferences) through the outbox, in the transaction that audits the reminder.
/// </summary>
internal sealed class SendReminders(FamilyServicesDbContext db, InvoiceQueries queries, FamilyServicesAudit audit, TenantContext tenant, TimeProvider clock)
{
    public const string Category = "familyservices.invoice-reminder";

    public async Task<int> HandleAsync(Guid agentId, CancellationToken cancellationToken)
    {
        var overdue = (await queries.BalancesAsync(tenant.Today(clock), cancellationToken)).Where(b => b.Overdue > 0).ToList();
        foreach (var balance in overdue)
        {
            var guardians = await IssueInvoiceRun.GuardiansAsync(db, [balance.HouseholdId], cancellationToken);
            if (guardians.Count > 0)
            {
                db.Publish(new NotificationRequested(guardians, Category, NotificationKind.ActionRequired, Fr("Relance : {0} € restent à payer pour les services de la ville"), [TariffRules.Money(balance.Overdue)], "/famille/factures"));
            }

            audit.Record(FamilyAuditAction.ReminderSent, agentId, balance.HouseholdId, $"Relance envoyée au {balance.HouseholdName} : {balance.Overdue:N2} € en retard.");
        }

        await db.SaveChangesAsync(cancellationToken);
        return overdue.Count;
    }
}
