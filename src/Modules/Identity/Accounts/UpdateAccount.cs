using Microsoft.EntityFrameworkCore;
using Preau.Identity.Audit;
using Preau.Identity.Data;
using Preau.Identity.Structures;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.Identity.Accounts;

/// <summary>
/// Changes a person's details and profiles. Two administrators editing the same account at once:
/// the second save is refused (the account's concurrency stamp changed) rather than silently
/// overwriting the first. Audited: details as an update, profiles as a change of rights.
/// </summary>
internal sealed class UpdateAccount(IdentityDbContext db, CreateAccount creation, AuditLog audit, TenantContext tenant, TimeProvider clock)
{
    public static readonly string ConcurrentChange = Fr("Ce compte vient d’être modifié par quelqu’un d’autre. Vos saisies sont conservées ci-dessous : vérifiez la fiche, puis enregistrez à nouveau pour les appliquer.");

    public async Task<ChangeResult> RunAsync(Guid actorId, Guid accountId, PersonInput person, Profile profiles, string concurrencyStamp, CancellationToken cancellationToken)
    {
        var errors = CreateAccount.CheckPerson(person, tenant.Today(clock)).ToList();
        if (profiles == Profile.None)
        {
            errors.Add(new("Profiles", Fr("Un compte a au moins un profil.")));
        }

        if (errors.Count > 0)
        {
            return new ChangeResult(errors);
        }

        var account = await db.Accounts.FirstAsync(a => a.Id == accountId, cancellationToken);
        var before = account.Profiles;
        db.Entry(account).Property(a => a.ConcurrencyStamp).OriginalValue = concurrencyStamp;
        creation.ApplyPerson(account, person);
        account.Profiles = profiles;
        account.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        audit.Record(tenant.RequiredTerritoryId, AuditAction.AccountUpdated, actorId, account.Id, $"Fiche modifiée : {account.DisplayName}");
        if (before != profiles)
        {
            audit.Record(tenant.RequiredTerritoryId, AuditAction.RightsChanged, actorId, account.Id,
                $"Profils de {account.DisplayName} : {string.Join(", ", AdminLabels.OfAll(profiles))} (avant : {string.Join(", ", AdminLabels.OfAll(before))})");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ChangeResult.Refused(string.Empty, ConcurrentChange);
        }

        return ChangeResult.Done;
    }
}
