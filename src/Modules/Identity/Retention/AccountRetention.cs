using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Preau.Identity.Audit;
using Preau.Identity.Data;
using Preau.Platform.Authorization;
using Preau.Platform.Jobs;
using Preau.Platform.Tenancy;

namespace Preau.Identity.Retention;

/// <summary>
/// The retention of accounts (issue #2, item 8; CNIL, digital workspaces in schools): an account whose
/// holder lost every right is deactivated at once, and deleted with every module's data about it three
/// months later. The audit log itself is kept one year (docs/privacy.md).
/// </summary>
internal sealed class AccountRetentionJob(IServiceScopeFactory scopes, IdentityDbContext db, TimeProvider clock, ILogger<AccountRetentionJob> logger) : IScheduledJob
{
    public const string JobName = "identity.retention";

    /// <summary>How long a deactivated account is kept before deletion.</summary>
    public const int RetentionMonths = 3;

    /// <summary>How long audit entries are kept.</summary>
    public const int AuditRetentionMonths = 12;

    /// <summary>Accounts deleted per territory and run: a bounded run; the next day continues.</summary>
    private const int DeletionBatch = 2_000;

    public string Name => JobName;

    public TimeSpan Interval => TimeSpan.FromDays(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var territories = await db.Territories.IgnoreQueryFilters().AsNoTracking()
            .Select(t => new { t.Id, t.TimeZoneId }).ToListAsync(cancellationToken);
        foreach (var territory in territories)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(territory.Id, territory.TimeZoneId);
            var retention = scope.ServiceProvider.GetRequiredService<TerritoryRetention>();
            var (deactivated, deleted, auditPurged) = await retention.RunAsync(clock.GetUtcNow().UtcDateTime, DeletionBatch, cancellationToken);
            if (deactivated + deleted + auditPurged > 0)
            {
                logger.LogInformation("Retention in territory {Territory}: {Deactivated} accounts deactivated, {Deleted} deleted, {Audit} audit entries purged",
                    territory.Id, deactivated, deleted, auditPurged);
            }
        }
    }
}

/// <summary>The retention rules applied in one territory (the scope's).</summary>
internal sealed class TerritoryRetention(IdentityDbContext db, DeleteAccount deleteAccount, AuditLog audit, TenantContext tenant)
{
    /// <summary>Profiles that hold rights only through relations with schools (pupils, families, school staff).</summary>
    private const Profile RelationProfiles = Profile.Pupil | Profile.Guardian | Profiles.SchoolStaff | Profile.ItTechnician;

    public async Task<(int Deactivated, int Deleted, int AuditPurged)> RunAsync(DateTime now, int deletionBatch, CancellationToken cancellationToken)
    {
        var deactivated = await DeactivateAccountsWithoutRightsAsync(now, cancellationToken);

        var deletionThreshold = now.AddMonths(-AccountRetentionJob.RetentionMonths);
        var expired = await db.Accounts.AsNoTracking()
            .Where(a => !a.IsActive && a.DeactivatedAt != null && a.DeactivatedAt <= deletionThreshold)
            .OrderBy(a => a.DeactivatedAt)
            .Select(a => a.Id)
            .Take(deletionBatch)
            .ToListAsync(cancellationToken);
        foreach (var accountId in expired)
        {
            await deleteAccount.RunAsync(accountId, actorId: null, "Compte supprimé : durée de conservation de trois mois après la désactivation échue", cancellationToken);
        }

        var auditThreshold = now.AddMonths(-AccountRetentionJob.AuditRetentionMonths);
        var auditPurged = await db.AuditEntries.Where(e => e.At < auditThreshold).ExecuteDeleteAsync(cancellationToken);
        return (deactivated, expired.Count, auditPurged);
    }

    /// <summary>
    /// Deactivates accounts that held rights through relations and lost all of them: a pupil whose
    /// enrolments all ended, a guardian whose children are all inactive, school staff whose assignments
    /// all ended. Accounts that never had a relation (just created by an administrator) are left alone,
    /// and so are accounts with a territory-level profile (agent, elected official, administrator…).
    /// </summary>
    private async Task<int> DeactivateAccountsWithoutRightsAsync(DateTime now, CancellationToken cancellationToken)
    {
        var candidates = db.Accounts.Where(a => a.IsActive && (a.Profiles & ~RelationProfiles) == 0);

        var lostRights = candidates.Where(a =>
            (db.Enrolments.Any(e => e.PupilId == a.Id) || db.GuardianLinks.Any(l => l.GuardianId == a.Id)
                || db.StaffAssignments.Any(s => s.AccountId == a.Id) || db.TeachingAssignments.Any(t => t.TeacherId == a.Id))
            && !db.Enrolments.Any(e => e.PupilId == a.Id && e.EndsOn == null && db.ClassGroups.Any(c => c.Id == e.ClassGroupId && c.IsActive))
            && !db.GuardianLinks.Any(l => l.GuardianId == a.Id && db.Accounts.Any(p => p.Id == l.PupilId && p.IsActive))
            && !db.StaffAssignments.Any(s => s.AccountId == a.Id && s.EndsOn == null)
            && !db.TeachingAssignments.Any(t => t.TeacherId == a.Id && t.EndsOn == null));

        // Pupils first: their guardians lose their right when the last child is deactivated.
        var total = 0;
        foreach (var pass in new[] { Profile.Pupil, Profile.None })
        {
            var accounts = await (pass == Profile.Pupil ? lostRights.Where(a => (a.Profiles & Profile.Pupil) != 0) : lostRights).ToListAsync(cancellationToken);
            foreach (var account in accounts)
            {
                account.Deactivate(now);
                audit.Record(tenant.RequiredTerritoryId, AuditAction.AccountDeactivated, null, account.Id, "Compte désactivé : plus aucun droit (départ de l’établissement ou fin d’année)");
            }

            await db.SaveChangesAsync(cancellationToken);
            total += accounts.Count;
        }

        return total;
    }
}
