using Microsoft.EntityFrameworkCore;
using Preau.Identity.Audit;
using Preau.Identity.Data;
using Preau.Platform.Privacy;
using Preau.Platform.Tenancy;

namespace Preau.Identity.Retention;

/// <summary>
/// Deletes an account of the current territory and what every module holds about it (RGPD art. 17):
/// each module's <see cref="IPersonalDataSource"/> erases or anonymises its part first, then the account
/// row goes, and with it (database cascades) its enrolments, links, assignments, codes and logins.
/// The audit entry that records the deletion keeps only the account's id.
/// </summary>
internal sealed class DeleteAccount(IdentityDbContext db, IEnumerable<IPersonalDataSource> sources, AuditLog audit, TenantContext tenant)
{
    public async Task<bool> RunAsync(Guid accountId, Guid? actorId, string summary, CancellationToken cancellationToken)
    {
        if (!await db.Accounts.AnyAsync(a => a.Id == accountId, cancellationToken))
        {
            return false;
        }

        foreach (var source in sources)
        {
            await source.EraseAsync(accountId, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ActivationCodes.Where(c => c.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
        await db.GuardianLinks.Where(l => l.GuardianId == accountId || l.PupilId == accountId).ExecuteDeleteAsync(cancellationToken);
        await db.Enrolments.Where(e => e.PupilId == accountId).ExecuteDeleteAsync(cancellationToken);
        await db.StaffAssignments.Where(s => s.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
        await db.TeachingAssignments.Where(t => t.TeacherId == accountId).ExecuteDeleteAsync(cancellationToken);
        await db.Accounts.Where(a => a.Id == accountId).ExecuteDeleteAsync(cancellationToken);
        audit.Record(tenant.RequiredTerritoryId, AuditAction.AccountDeleted, actorId, accountId, summary);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
