using Microsoft.EntityFrameworkCore;
using Preau.Identity.Audit;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Identity.Structures;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.Identity.Classes;

/// <summary>
/// Enrols a pupil in a class or group, or ends an enrolment (kept as history). A pupil has one class
/// per school year: enrolling in another class of the same year moves the pupil (the previous class
/// enrolment ends the same day). Groups add up. Audited as a change of structure.
/// </summary>
internal sealed class EnrolPupil(IdentityDbContext db, AuditLog audit, TenantContext tenant, TimeProvider clock)
{
    public async Task<ChangeResult> RunAsync(Guid actorId, Guid pupilId, Guid classGroupId, CancellationToken cancellationToken)
    {
        var pupil = await db.Accounts.FirstAsync(a => a.Id == pupilId, cancellationToken);
        if (!pupil.Has(Profile.Pupil))
        {
            return ChangeResult.Refused("PupilLogin", Fr("Ce compte n’est pas celui d’un élève."));
        }

        var group = await db.ClassGroups.FirstAsync(c => c.Id == classGroupId, cancellationToken);
        if (!group.IsActive)
        {
            return ChangeResult.Refused("ClassGroupId", Fr("Cette classe est désactivée."));
        }

        var current = await (from e in db.Enrolments
                             join c in db.ClassGroups on e.ClassGroupId equals c.Id
                             where e.PupilId == pupilId && e.EndsOn == null
                             select new { Enrolment = e, c.Kind, c.SchoolYearId, c.Name })
            .ToListAsync(cancellationToken);
        if (current.Any(c => c.Enrolment.ClassGroupId == classGroupId))
        {
            return ChangeResult.Refused("PupilLogin", Fr("Cet élève est déjà inscrit dans cette classe ou ce groupe."));
        }

        var today = tenant.Today(clock);
        var left = new List<string>();
        if (group.Kind == ClassGroupKind.Class)
        {
            foreach (var previous in current.Where(c => c.Kind == ClassGroupKind.Class && c.SchoolYearId == group.SchoolYearId))
            {
                previous.Enrolment.EndsOn = today;
                left.Add(previous.Name);
            }
        }

        db.Enrolments.Add(new Enrolment { PupilId = pupilId, ClassGroupId = classGroupId, StartsOn = today });
        audit.Record(tenant.RequiredTerritoryId, AuditAction.StructureChanged, actorId, pupilId, left.Count > 0
            ? $"Élève déplacé : {pupil.DisplayName}, de {string.Join(", ", left)} vers {group.Name}"
            : $"Élève inscrit : {pupil.DisplayName} dans {group.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult.Done;
    }

    /// <summary>Adds an enrolment to the unit of work (used when a pupil's account is created in a class).</summary>
    public void Add(Guid pupilId, Guid classGroupId) =>
        db.Enrolments.Add(new Enrolment { PupilId = pupilId, ClassGroupId = classGroupId, StartsOn = tenant.Today(clock) });

    public async Task EndAsync(Guid actorId, Guid enrolmentId, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.FirstAsync(e => e.Id == enrolmentId, cancellationToken);
        if (enrolment.EndsOn is not null)
        {
            return;
        }

        enrolment.EndsOn = tenant.Today(clock);
        var pupil = await db.Accounts.Where(a => a.Id == enrolment.PupilId).Select(a => a.FirstName + " " + a.LastName).FirstAsync(cancellationToken);
        var group = await db.ClassGroups.Where(c => c.Id == enrolment.ClassGroupId).Select(c => c.Name).FirstAsync(cancellationToken);
        audit.Record(tenant.RequiredTerritoryId, AuditAction.StructureChanged, actorId, enrolment.PupilId, $"Inscription terminée : {pupil} dans {group}");
        await db.SaveChangesAsync(cancellationToken);
    }
}
