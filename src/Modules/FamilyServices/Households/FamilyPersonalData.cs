using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;
using Preau.Platform.Files;
using Preau.Platform.Privacy;

namespace Preau.FamilyServices.Households;

/// <summary>
/// What the households, registrations, reservations and attendance hold about one person (RGPD art. 15,
/// 17, 20): as a guardian (households, phones, documents, registrations filed, changes made), as a child
/// (health information, authorized people, registrations, days) and as staff (marks made).
/// On erasure, health information, authorized people, documents and memberships go; what invoicing must
/// keep (registrations, days and their audit: public accounting records, kept ten years) stays under the
/// bare child id, whose name disappears with the account, and the person's id is removed from every
/// "who did it" (see docs/privacy.md).
/// </summary>
internal sealed class FamilyPersonalData(FamilyServicesDbContext db, IFileStore files) : IPersonalDataSource
{
    public string Module => "familyservices.households";

    public async Task<object?> ExportAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var memberships = await db.HouseholdMembers.AsNoTracking().Where(m => m.PersonId == accountId).ToListAsync(cancellationToken);
        var householdIds = memberships.Select(m => m.HouseholdId).ToList();
        var guardianOf = memberships.Where(m => m.Role == MemberRole.Guardian).Select(m => m.HouseholdId).ToList();
        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToListAsync(cancellationToken);
        var health = await db.MedicalInfo.AsNoTracking().FirstOrDefaultAsync(m => m.ChildId == accountId, cancellationToken);
        var pickups = await db.AuthorizedPickups.AsNoTracking().Where(p => p.ChildId == accountId || guardianOf.Contains(p.HouseholdId)).ToListAsync(cancellationToken);
        var documents = await db.SupportingDocuments.AsNoTracking().Where(d => d.ChildId == accountId || d.UploadedBy == accountId || guardianOf.Contains(d.HouseholdId)).ToListAsync(cancellationToken);
        var registrations = await (from r in db.Registrations.AsNoTracking()
                                   join s in db.Services.AsNoTracking() on r.ServiceId equals s.Id
                                   where r.ChildId == accountId || r.SubmittedBy == accountId || guardianOf.Contains(r.HouseholdId)
                                   select new { Service = s.Name, r.ChildId, r.Status, r.StartsOn, r.EndsOn, r.SubmittedAt, r.Reason }).ToListAsync(cancellationToken);
        var days = await (from d in db.ChildDays.AsNoTracking()
                          join s in db.Services.AsNoTracking() on d.ServiceId equals s.Id
                          where d.ChildId == accountId || guardianOf.Contains(d.HouseholdId)
                          orderby d.Day
                          select new { Service = s.Name, d.ChildId, d.Day, d.State, d.LateChange, d.ArrivedAt, d.LeftAt }).ToListAsync(cancellationToken);
        var history = await db.HouseholdChanges.AsNoTracking().Where(c => guardianOf.Contains(c.HouseholdId) || c.ActorId == accountId).OrderBy(c => c.At).ToListAsync(cancellationToken);
        var actions = await db.DayStateChanges.AsNoTracking().Where(c => c.ActorId == accountId).OrderBy(c => c.At)
            .Select(c => new { c.At, c.Source, c.ChildId, c.ServiceId, c.Day, c.Before, c.After, c.LateChange, c.Detail }).ToListAsync(cancellationToken);
        if (memberships.Count == 0 && health is null && registrations.Count == 0 && days.Count == 0 && history.Count == 0 && actions.Count == 0 && documents.Count == 0)
        {
            return null;
        }

        return new
        {
            Foyers = households.Select(h => new
            {
                h.Name,
                Statut = h.Status.ToString(),
                Adresse = h.AddressLine,
                Rôle = memberships.First(m => m.HouseholdId == h.Id).Role.ToString(),
                TéléphonePortable = memberships.First(m => m.HouseholdId == h.Id).MobilePhone,
                AutreTéléphone = memberships.First(m => m.HouseholdId == h.Id).OtherPhone,
            }),
            Santé = health is null ? null : new
            {
                Allergies = Allergens.In(health.Allergens).Select(Allergens.NameOf),
                AutresAllergies = health.OtherAllergies,
                PAI = health.HasIndividualCarePlan,
                DétailsDuPAI = health.IndividualCarePlanDetails,
                Médecin = health.DoctorName,
                TéléphoneDuMédecin = health.DoctorPhone,
                Remarques = health.Notes,
                MisesÀJourLe = health.UpdatedAt,
            },
            PersonnesAutorisées = pickups.Select(p => new { p.Name, p.Relation, p.Phone, Enfant = p.ChildId }),
            Justificatifs = documents.Select(d => new { Type = d.Kind.ToString(), Fichier = d.FileName, DéposéLe = d.UploadedAt, État = d.Status.ToString(), Motif = d.RejectionReason }),
            Inscriptions = registrations.Select(r => new { r.Service, Enfant = r.ChildId, Statut = r.Status.ToString(), Du = r.StartsOn, Au = r.EndsOn, DemandéeLe = r.SubmittedAt, Motif = r.Reason }),
            Journées = days.Select(d => new { d.Service, Enfant = d.ChildId, Jour = d.Day, État = d.State.ToString(), HorsDélai = d.LateChange, Arrivée = d.ArrivedAt, Départ = d.LeftAt }),
            HistoriqueDesFoyers = history.Select(c => new { Date = c.At, Changement = c.Kind.ToString(), Détail = c.Detail, ParCettePersonne = c.ActorId == accountId }),
            ActionsSurLesJournées = actions,
        };
    }

    public async Task EraseAsync(Guid accountId, CancellationToken cancellationToken)
    {
        // Health information and the people allowed to pick the child up go with the child's account.
        await db.MedicalInfo.Where(m => m.ChildId == accountId).ExecuteDeleteAsync(cancellationToken);
        await db.AuthorizedPickups.Where(p => p.ChildId == accountId).ExecuteDeleteAsync(cancellationToken);

        var households = await db.HouseholdMembers.Where(m => m.PersonId == accountId).Select(m => m.HouseholdId).ToListAsync(cancellationToken);
        await db.HouseholdMembers.Where(m => m.PersonId == accountId).ExecuteDeleteAsync(cancellationToken);

        // A household left without any guardian keeps what invoicing refers to, nothing personal.
        var orphans = await db.Households.Where(h => households.Contains(h.Id) && !h.Members.Any(m => m.Role == MemberRole.Guardian)).Select(h => h.Id).ToListAsync(cancellationToken);
        var doomed = await db.SupportingDocuments.Where(d => d.ChildId == accountId || orphans.Contains(d.HouseholdId)).ToListAsync(cancellationToken);
        foreach (var document in doomed)
        {
            await files.DeleteAsync(document.FileKey, cancellationToken);
        }

        db.SupportingDocuments.RemoveRange(doomed);
        await db.SaveChangesAsync(cancellationToken);
        await db.AuthorizedPickups.Where(p => orphans.Contains(p.HouseholdId)).ExecuteDeleteAsync(cancellationToken);
        await db.Households.Where(h => orphans.Contains(h.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Name, "Foyer supprimé").SetProperty(h => h.Street, (string?)null).SetProperty(h => h.PostalCode, (string?)null).SetProperty(h => h.City, (string?)null), cancellationToken);

        // Who did what stays recorded, without who.
        await db.HouseholdChanges.Where(c => c.ActorId == accountId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ActorId, (Guid?)null), cancellationToken);
        await db.DayStateChanges.Where(c => c.ActorId == accountId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ActorId, (Guid?)null), cancellationToken);
        await db.ChildDays.Where(d => d.MarkedBy == accountId).ExecuteUpdateAsync(s => s.SetProperty(d => d.MarkedBy, (Guid?)null), cancellationToken);
        await db.MedicalInfo.Where(m => m.UpdatedBy == accountId).ExecuteUpdateAsync(s => s.SetProperty(m => m.UpdatedBy, (Guid?)null), cancellationToken);
        await db.Registrations.Where(r => r.SubmittedBy == accountId).ExecuteUpdateAsync(s => s.SetProperty(r => r.SubmittedBy, Guid.Empty), cancellationToken);
        await db.Registrations.Where(r => r.DecidedBy == accountId).ExecuteUpdateAsync(s => s.SetProperty(r => r.DecidedBy, (Guid?)null), cancellationToken);
        await db.SupportingDocuments.Where(d => d.UploadedBy == accountId).ExecuteUpdateAsync(s => s.SetProperty(d => d.UploadedBy, Guid.Empty), cancellationToken);
        await db.SupportingDocuments.Where(d => d.ReviewedBy == accountId).ExecuteUpdateAsync(s => s.SetProperty(d => d.ReviewedBy, (Guid?)null), cancellationToken);
    }
}
