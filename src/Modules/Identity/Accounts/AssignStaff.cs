using Microsoft.EntityFrameworkCore;
using Preau.Identity.Audit;
using Preau.Identity.Data;
using Preau.Identity.Structures;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.Identity.Accounts;

/// <summary>
/// Assigns a staff member to a school with one profile ("staff of this school"), or ends the
/// assignment (kept as history). The profile is added to the account's profiles. Audited as a change of rights.
/// </summary>
internal sealed class AssignStaff(IdentityDbContext db, AuditLog audit, TenantContext tenant, TimeProvider clock)
{
    public async Task<ChangeResult> RunAsync(Guid actorId, Guid accountId, Guid schoolId, Profile profile, CancellationToken cancellationToken)
    {
        if (!StaffAssignment.SchoolProfiles.Contains(profile))
        {
            return ChangeResult.Refused("Profile", Fr("Choisissez une fonction dans l’établissement de la liste."));
        }

        var account = await db.Accounts.FirstAsync(a => a.Id == accountId, cancellationToken);
        var school = await db.Schools.FirstAsync(s => s.Id == schoolId, cancellationToken);
        if (await db.StaffAssignments.AnyAsync(s => s.AccountId == accountId && s.SchoolId == schoolId && s.Profile == profile && s.EndsOn == null, cancellationToken))
        {
            return ChangeResult.Refused("Profile", Fr("Cette personne a déjà cette fonction dans cet établissement."));
        }

        Add(account, schoolId, profile);
        audit.Record(tenant.RequiredTerritoryId, AuditAction.RightsChanged, actorId, account.Id, $"Affectation ajoutée : {account.DisplayName}, {AdminLabels.Of(profile)} à {school.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult.Done;
    }

    /// <summary>Adds the assignment to the unit of work (used when an account is created with it).</summary>
    public void Add(Account account, Guid schoolId, Profile profile)
    {
        db.StaffAssignments.Add(new StaffAssignment { AccountId = account.Id, SchoolId = schoolId, Profile = profile });
        account.Profiles |= profile;
        account.ConcurrencyStamp = Guid.NewGuid().ToString("N");
    }

    public async Task EndAsync(Guid actorId, Guid assignmentId, CancellationToken cancellationToken)
    {
        var tracked = await db.StaffAssignments.FirstAsync(s => s.Id == assignmentId, cancellationToken);
        if (tracked.EndsOn is not null)
        {
            return;
        }

        tracked.EndsOn = tenant.Today(clock);
        var names = await db.Accounts.Where(a => a.Id == tracked.AccountId).Select(a => a.FirstName + " " + a.LastName).FirstAsync(cancellationToken);
        var school = await db.Schools.Where(s => s.Id == tracked.SchoolId).Select(s => s.Name).FirstAsync(cancellationToken);
        audit.Record(tenant.RequiredTerritoryId, AuditAction.RightsChanged, actorId, tracked.AccountId, $"Affectation terminée : {names}, {AdminLabels.Of(tracked.Profile)} à {school}");
        await db.SaveChangesAsync(cancellationToken);
    }
}
