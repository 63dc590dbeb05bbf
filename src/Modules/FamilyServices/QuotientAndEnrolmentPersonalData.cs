using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.QuotientFamilial;
using Preau.Platform.Files;
using Preau.Platform.Privacy;

namespace Preau.FamilyServices;

/// <summary>
/// What the quotient familial and the school enrolment hold about a person (RGPD art. 15, 17, 20): the
/// enrolment requests they filed, and the quotients of their households. Erasure deletes their requests
/// and documents, and the quotients of a household they are the only guardian of (a household whose other
/// guardian remains keeps its history, which tariffs and invoices rely on).
/// </summary>
internal sealed class QuotientAndEnrolmentPersonalData(FamilyServicesDbContext db, IHouseholdDirectory households, IFileStore files) : IPersonalDataSource
{
    public string Module => "familyservices.quotient-enrolment";

    public async Task<object?> ExportAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var requests = await db.EnrolmentRequests.AsNoTracking().Include(r => r.Documents).Where(r => r.GuardianId == accountId).ToListAsync(cancellationToken);
        var householdIds = (await households.OfGuardianAsync(accountId, cancellationToken)).Select(h => h.Id).ToList();
        var quotients = await db.QuotientRecords.AsNoTracking().Where(r => householdIds.Contains(r.HouseholdId)).OrderBy(r => r.ValidFrom).ToListAsync(cancellationToken);
        if (requests.Count == 0 && quotients.Count == 0)
        {
            return null;
        }

        return new
        {
            DemandesInscriptionScolaire = requests.Select(r => new
            {
                r.Reference,
                Enfant = r.ChildName,
                DateDeNaissance = r.ChildBirthDate,
                Classe = r.Grade.ToString(),
                Adresse = $"{r.HouseNumber} {r.Street}, {r.PostalCode} {r.City}",
                MotifDerogation = r.DerogationReasonLabel,
                Precisions = r.DerogationDetails,
                Etat = r.Status.ToString(),
                DeposeeLe = r.SubmittedAt,
                DecideeLe = r.DecidedAt,
                MotifDecision = r.DecisionReason,
                Pieces = r.Documents.Select(d => new { Type = d.Kind.ToString(), d.ContentType, Taille = d.Size }),
            }),
            QuotientsFamiliaux = quotients.Select(q => new
            {
                Foyer = q.HouseholdId,
                Origine = q.Source.ToString(),
                Quotient = q.Amount,
                RevenusMensuels = q.MonthlyIncome,
                Parts = q.Parts,
                NumeroAllocataire = q.CafNumber,
                ValableDu = q.ValidFrom,
                ValableAu = q.ValidUntil,
                Etat = q.Status.ToString(),
                MotifRefus = q.RejectionReason,
            }),
        };
    }

    public async Task EraseAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var requests = await db.EnrolmentRequests.Include(r => r.Documents).Where(r => r.GuardianId == accountId).ToListAsync(cancellationToken);
        var keys = requests.SelectMany(r => r.Documents).Select(d => d.FileKey).ToList();
        db.EnrolmentRequests.RemoveRange(requests);

        var alone = (await households.OfGuardianAsync(accountId, cancellationToken)).Where(h => h.GuardianIds.All(g => g == accountId)).Select(h => h.Id).ToList();
        var quotients = await db.QuotientRecords.Where(r => alone.Contains(r.HouseholdId)).ToListAsync(cancellationToken);
        keys.AddRange(quotients.Where(q => q.AttestationFileKey is not null).Select(q => q.AttestationFileKey!));
        db.QuotientRecords.RemoveRange(quotients);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var key in keys)
        {
            await files.DeleteAsync(key, cancellationToken);
        }
    }
}
