using Microsoft.EntityFrameworkCore;
using Preau.Identity.Audit;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Identity.Structures;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.Identity.Accounts;

/// <summary>
/// Links a guardian to a pupil with the kind of link and whether the guardian holds parental
/// authority (Code civil, art. 371-1 and following: only those who hold it decide for the child),
/// changes such a link, or removes it. Audited as a change of rights.
/// </summary>
internal sealed class LinkGuardian(IdentityDbContext db, AuditLog audit, TenantContext tenant)
{
    public async Task<ChangeResult> RunAsync(Guid actorId, Guid guardianId, Guid pupilId, GuardianRelation relation, bool hasParentalAuthority, CancellationToken cancellationToken)
    {
        if (guardianId == pupilId)
        {
            return ChangeResult.Refused("GuardianLogin", Fr("Un élève ne peut pas être son propre responsable."));
        }

        if (!Enum.IsDefined(relation))
        {
            return ChangeResult.Refused("Relation", Fr("Choisissez un lien de la liste."));
        }

        var people = await db.Accounts.Where(a => a.Id == guardianId || a.Id == pupilId).ToListAsync(cancellationToken);
        var guardian = people.Single(a => a.Id == guardianId);
        var pupil = people.Single(a => a.Id == pupilId);
        if (!pupil.Has(Profile.Pupil))
        {
            return ChangeResult.Refused("PupilLogin", Fr("Ce compte n’est pas celui d’un élève."));
        }

        if (!guardian.Has(Profile.Guardian))
        {
            guardian.Profiles |= Profile.Guardian;
            guardian.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        }

        var link = await db.GuardianLinks.FirstOrDefaultAsync(l => l.GuardianId == guardianId && l.PupilId == pupilId, cancellationToken);
        if (link is null)
        {
            Add(guardianId, pupilId, relation, hasParentalAuthority);
        }
        else
        {
            link.Relation = relation;
            link.HasParentalAuthority = hasParentalAuthority;
        }

        audit.Record(tenant.RequiredTerritoryId, AuditAction.RightsChanged, actorId, guardianId,
            $"{(link is null ? "Lien ajouté" : "Lien modifié")} : {guardian.DisplayName} ({AdminLabels.Of(relation)}{(hasParentalAuthority ? ", autorité parentale" : ", sans autorité parentale")}) de {pupil.DisplayName}");
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult.Done;
    }

    /// <summary>Adds a link to the unit of work (used when a guardian's account is created with it).</summary>
    public void Add(Guid guardianId, Guid pupilId, GuardianRelation relation, bool hasParentalAuthority) =>
        db.GuardianLinks.Add(new GuardianLink { GuardianId = guardianId, PupilId = pupilId, Relation = relation, HasParentalAuthority = hasParentalAuthority });

    public async Task RemoveAsync(Guid actorId, Guid linkId, CancellationToken cancellationToken)
    {
        if (await db.GuardianLinks.FirstOrDefaultAsync(l => l.Id == linkId, cancellationToken) is not { } link)
        {
            return;
        }

        var names = await db.Accounts.Where(a => a.Id == link.GuardianId || a.Id == link.PupilId).ToDictionaryAsync(a => a.Id, a => a.FirstName + " " + a.LastName, cancellationToken);
        db.GuardianLinks.Remove(link);
        audit.Record(tenant.RequiredTerritoryId, AuditAction.RightsChanged, actorId, link.GuardianId, $"Lien retiré : {names[link.GuardianId]} n’est plus responsable de {names[link.PupilId]}");
        await db.SaveChangesAsync(cancellationToken);
    }
}
