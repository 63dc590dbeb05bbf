using Preau.FamilyServices.Allergens;
using Preau.Identity.Contracts;

namespace Preau.FamilyServices.Menus;

/// <summary>A child expected at the canteen, with what their medical record says about allergens.</summary>
/// <param name="PupilId">The pupil.</param>
/// <param name="Name">"Prénom Nom".</param>
/// <param name="ClassName">Their class.</param>
/// <param name="Allergens">Allergies recorded, and those named by their care plan (PAI).</param>
/// <param name="HasCarePlan">Whether a PAI exists (the staff then follow it, e.g. a packed lunch).</param>
internal sealed record CanteenChild(Guid PupilId, string Name, string? ClassName, Allergen Allergens, bool HasCarePlan);

/// <summary>
/// The children expected at a school's canteen on a day, with their allergens: registrations and medical
/// information belong to the Households and Services capabilities. A seam, so the canteen's list and its
/// allergen flags depend on them only through this question.
/// </summary>
internal interface ICanteenRoster
{
    Task<IReadOnlyList<CanteenChild>> ExpectedAsync(Guid schoolId, DateOnly day, CancellationToken cancellationToken);
}

/// <summary>
/// PROVISIONAL, until the registrations, reservations and medical information of branch family-a are merged
/// and implement <see cref="ICanteenRoster"/>: every pupil of the school, with no allergy known. The page
/// and the matching rule are complete; only this source is to be replaced.
/// </summary>
internal sealed class SchoolPupilsRoster(IStructureDirectory directory) : ICanteenRoster
{
    public async Task<IReadOnlyList<CanteenChild>> ExpectedAsync(Guid schoolId, DateOnly day, CancellationToken cancellationToken) =>
        (await directory.ListPupilsOfSchoolAsync(schoolId, cancellationToken))
            .Select(p => new CanteenChild(p.Id, p.DisplayName, p.ClassName, Allergen.None, false)).ToList();
}
