using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Preau.Identity.Audit;
using Preau.Identity.Data;
using Preau.Platform.Tenancy;

namespace Preau.Identity.Accounts;

/// <summary>
/// What an administrator does to an account's access: deactivate or reactivate it, end all its
/// sessions at once, reset its second factor. Each gives the account a new security stamp, so every
/// open session stops at its next validation (Identity:SessionValidationInterval). Audited.
/// </summary>
internal sealed class AccountAccess(IdentityDbContext db, UserManager<Account> users, AuditLog audit, TenantContext tenant, TimeProvider clock)
{
    public async Task DeactivateAsync(Guid actorId, Guid accountId, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.FirstAsync(a => a.Id == accountId, cancellationToken);
        if (!account.IsActive)
        {
            return;
        }

        account.Deactivate(clock.GetUtcNow().UtcDateTime);
        account.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        audit.Record(tenant.RequiredTerritoryId, AuditAction.AccountDeactivated, actorId, account.Id, $"Compte désactivé : {account.DisplayName}");
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ReactivateAsync(Guid actorId, Guid accountId, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.FirstAsync(a => a.Id == accountId, cancellationToken);
        if (account.IsActive)
        {
            return;
        }

        account.Reactivate();
        account.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        audit.Record(tenant.RequiredTerritoryId, AuditAction.AccountReactivated, actorId, account.Id, $"Compte réactivé : {account.DisplayName}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Ends every session of the account on every device (a lost phone, a shared computer, a doubt).</summary>
    public async Task RevokeSessionsAsync(Guid actorId, Guid accountId, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.FirstAsync(a => a.Id == accountId, cancellationToken);
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        account.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        audit.Record(tenant.RequiredTerritoryId, AuditAction.SessionsRevoked, actorId, account.Id, $"Toutes les sessions de {account.DisplayName} fermées par un administrateur");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Turns the second factor off and forgets the authenticator key and recovery codes (a lost phone).
    /// When the profile requires one, the holder enrols again at the next sign-in.
    /// </summary>
    public async Task ResetSecondFactorAsync(Guid actorId, Guid accountId, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.FirstAsync(a => a.Id == accountId, cancellationToken);
        await users.SetTwoFactorEnabledAsync(account, false);
        await users.ResetAuthenticatorKeyAsync(account);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(account, 0);
        audit.Record(tenant.RequiredTerritoryId, AuditAction.SecondFactorDisabled, actorId, account.Id, $"Double authentification de {account.DisplayName} réinitialisée par un administrateur");
        await db.SaveChangesAsync(cancellationToken);
    }
}
