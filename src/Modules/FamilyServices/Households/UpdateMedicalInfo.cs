using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.Identity.Contracts;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Households;

/// <summary>A child's health information as typed.</summary>
internal sealed record MedicalInput(
    IReadOnlyList<Allergen> Allergens,
    string? OtherAllergies,
    bool HasIndividualCarePlan,
    string? IndividualCarePlanDetails,
    string? DoctorName,
    string? DoctorPhone,
    string? Notes);

/// <summary>
/// A guardian of the child (or the agent) records what the staff must know: allergies among the 14
/// regulated allergens, a PAI and what it says, the doctor. Logged in the history of each of the
/// child's households (without the health details themselves).
/// </summary>
internal sealed class UpdateMedicalInfo(FamilyServicesDbContext db, HouseholdHistory history, IStructureDirectory directory, TimeProvider clock)
{
    public async Task<IReadOnlyList<FormProblem>> HandleAsync(Guid childId, Guid actorId, MedicalInput input, CancellationToken cancellationToken)
    {
        var problems = new List<FormProblem>();
        problems.CheckText(nameof(MedicalInput.OtherAllergies), input.OtherAllergies, 500);
        problems.CheckText(nameof(MedicalInput.IndividualCarePlanDetails), input.IndividualCarePlanDetails, ChildMedicalInfo.MaxTextLength);
        problems.CheckText(nameof(MedicalInput.DoctorName), input.DoctorName, 100);
        problems.CheckText(nameof(MedicalInput.Notes), input.Notes, ChildMedicalInfo.MaxTextLength);
        var doctorPhone = UpdateHouseholdContacts.CheckPhone(problems, nameof(MedicalInput.DoctorPhone), input.DoctorPhone);
        if (input.HasIndividualCarePlan && string.IsNullOrWhiteSpace(input.IndividualCarePlanDetails))
        {
            problems.Add(new FormProblem(nameof(MedicalInput.IndividualCarePlanDetails), Fr("Décrivez ce que prévoit le PAI : ce que l’équipe doit faire et où se trouvent les médicaments.")));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var info = await db.MedicalInfo.FirstOrDefaultAsync(m => m.ChildId == childId, cancellationToken);
        if (info is null)
        {
            info = new ChildMedicalInfo { ChildId = childId };
            db.MedicalInfo.Add(info);
        }

        info.Allergens = Allergens.Combine(input.Allergens);
        info.OtherAllergies = PlainText.Clean(input.OtherAllergies);
        info.HasIndividualCarePlan = input.HasIndividualCarePlan;
        info.IndividualCarePlanDetails = input.HasIndividualCarePlan ? PlainText.Clean(input.IndividualCarePlanDetails) : null;
        info.DoctorName = PlainText.Clean(input.DoctorName);
        info.DoctorPhone = doctorPhone;
        info.Notes = PlainText.Clean(input.Notes);
        info.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        info.UpdatedBy = actorId;

        var households = await db.HouseholdMembers.Where(m => m.PersonId == childId && m.Role == MemberRole.Child).Select(m => m.HouseholdId).ToListAsync(cancellationToken);
        var child = await directory.GetPeopleAsync([childId], cancellationToken) is [var person, ..] ? person.DisplayName : null;
        history.Record(households, HouseholdChangeKind.MedicalInfoChanged, actorId, child);
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }
}
