using Microsoft.EntityFrameworkCore;
using Preau.Communication.Contracts;
using Preau.FamilyServices.Audit;
using Preau.FamilyServices.Data;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.QuotientFamilial;

/// <summary>The agent validates a pending quotient, or rejects it with a reason the family reads.</summary>
internal sealed class ReviewQuotient(FamilyServicesDbContext db, IHouseholdDirectory households, FamilyServicesAudit audit, TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    /// <summary>Returns null on success, or the refusal.</summary>
    public async Task<RuleError?> HandleAsync(Guid recordId, bool validate, string? reason, Guid agentId, CancellationToken cancellationToken)
    {
        var record = await db.QuotientRecords.FirstOrDefaultAsync(r => r.Id == recordId, cancellationToken);
        if (record is null)
        {
            return new RuleError(string.Empty, Fr("Ce quotient familial n’existe pas."));
        }

        if (record.Status != QuotientStatus.Pending)
        {
            return new RuleError(string.Empty, Fr("Ce quotient familial a déjà été traité."));
        }

        reason = reason?.Trim();
        if (!validate && string.IsNullOrEmpty(reason))
        {
            return new RuleError("Reason", Fr("Indiquez le motif du refus : la famille le lira."));
        }

        if (reason is { Length: > MaxReasonLength })
        {
            return new RuleError("Reason", Fr("Le motif ne dépasse pas {0} caractères."), MaxReasonLength);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (validate)
        {
            record.Validate(agentId, now);
            audit.Record(FamilyAuditAction.QuotientValidated, agentId, record.Id,
                $"Quotient familial de {record.Amount:N2} € validé pour le foyer {record.HouseholdId}, du {record.ValidFrom:dd/MM/yyyy} au {record.ValidUntil:dd/MM/yyyy}");
        }
        else
        {
            record.Reject(agentId, now, reason!);
            audit.Record(FamilyAuditAction.QuotientRejected, agentId, record.Id, $"Quotient familial de {record.Amount:N2} € refusé pour le foyer {record.HouseholdId}");
        }

        if (await households.FindAsync(record.HouseholdId, cancellationToken) is { } household)
        {
            db.Publish(new NotificationRequested(
                household.GuardianIds,
                "familyservices.quotient",
                validate ? NotificationKind.Information : NotificationKind.ActionRequired,
                validate ? Fr("Votre quotient familial de {0} € est validé") : Fr("Votre quotient familial de {0} € a été refusé"),
                [record.Amount.ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))],
                "/quotient-familial"));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new RuleError(string.Empty, Fr("Ce quotient familial a été traité par quelqu’un d’autre entre-temps."));
        }

        return null;
    }
}
