using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Preau.Identity.Accounts;
using Preau.Identity.Audit;
using Preau.Identity.Data;

namespace Preau.Identity.Activation;

/// <summary>
/// Activation of an imported account with the code of its letter: the holder chooses a password and
/// accepts the terms of use. A wrong code counts as a failed sign-in (lockout after repeated failures).
/// </summary>
internal sealed class ActivateAccount(UserManager<Account> users, IdentityDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Why a login and code pair was refused (all answered with the same message on the page).</summary>
    public enum Refusal
    {
        None,
        Invalid,
        LockedOut,
    }

    /// <summary>Finds the account and its usable code; records a failure when the code is wrong.</summary>
    public async Task<(Account? Account, ActivationCode? Code, Refusal Refusal)> CheckAsync(string? login, string? typedCode, CancellationToken cancellationToken)
    {
        // Either step of the page may be posted without its fields (a stale or forged form): refused like a wrong code.
        if (string.IsNullOrWhiteSpace(login) || string.IsNullOrWhiteSpace(typedCode))
        {
            return (null, null, Refusal.Invalid);
        }

        var account = await users.FindByNameAsync(login.Trim());
        if (account is null || !account.IsActive)
        {
            return (null, null, Refusal.Invalid);
        }

        if (await users.IsLockedOutAsync(account))
        {
            return (account, null, Refusal.LockedOut);
        }

        var hash = ActivationCode.Hash(typedCode);
        var now = clock.GetUtcNow().UtcDateTime;
        var code = await db.ActivationCodes.IgnoreQueryFilters()
            .Where(c => c.AccountId == account.Id && c.CodeHash == hash && c.UsedAt == null && !c.Revoked && c.ExpiresAt > now)
            .FirstOrDefaultAsync(cancellationToken);
        if (code is null)
        {
            await users.AccessFailedAsync(account);
            audit.Record(account.TerritoryId, AuditAction.SignInFailed, null, account.Id, "Code d’activation incorrect ou expiré");
            await db.SaveChangesAsync(cancellationToken);
            return (account, null, await users.IsLockedOutAsync(account) ? Refusal.LockedOut : Refusal.Invalid);
        }

        return (account, code, Refusal.None);
    }

    /// <summary>Sets the chosen password and consumes the code, in one save.</summary>
    public async Task<IdentityResult> ActivateAsync(Account account, ActivationCode code, string password, CancellationToken cancellationToken)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var validation = await validator.ValidateAsync(users, account, password);
            if (!validation.Succeeded)
            {
                return validation;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // An account that already had a password (a pupil who forgot it) gets the new one: the code proves the right.
        account.PasswordHash = users.PasswordHasher.HashPassword(account, password);
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        account.TermsAcceptedAt = now;
        account.AccessFailedCount = 0;
        account.LockoutEnd = null;
        code.UsedAt = now;
        audit.Record(account.TerritoryId, AuditAction.AccountActivated, account.Id, account.Id, "Compte activé avec un code d’activation");
        await db.SaveChangesAsync(cancellationToken);
        return IdentityResult.Success;
    }
}
