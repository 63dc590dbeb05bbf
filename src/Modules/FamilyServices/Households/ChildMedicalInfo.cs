using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Households;

/// <summary>
/// What the adults who look after a child need to know about the child's health (RGPD art. 9: health
/// data, kept to what is needed and shown only to the after-school and canteen staff of the child's
/// school, the town's agent and the child's guardians). One per child, shared by the child's households.
/// </summary>
internal sealed class ChildMedicalInfo : ITerritoryOwned
{
    public const int MaxTextLength = 2000;

    /// <summary>The child (Identity pupil account); one row per child.</summary>
    public Guid ChildId { get; init; }

    public Guid TerritoryId { get; init; }

    /// <summary>Allergies among the 14 regulated allergens (structured, matched against menus).</summary>
    public Allergen Allergens { get; set; }

    /// <summary>Other allergies or intolerances, in words (kiwi, latex, a medicine).</summary>
    public string? OtherAllergies { get; set; }

    /// <summary>Whether the child has a PAI (projet d’accueil individualisé, circulaire 2003-135).</summary>
    public bool HasIndividualCarePlan { get; set; }

    /// <summary>What the PAI says the staff must do (where the medicine is, what to do in a crisis).</summary>
    public string? IndividualCarePlanDetails { get; set; }

    public string? DoctorName { get; set; }

    public string? DoctorPhone { get; set; }

    /// <summary>Anything else the staff should know (a diet, glasses, a fear).</summary>
    public string? Notes { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid? UpdatedBy { get; set; }

    /// <summary>Whether there is anything the staff must be warned of on their lists.</summary>
    public bool NeedsAttention => Allergens != Allergen.None || HasIndividualCarePlan || !string.IsNullOrWhiteSpace(OtherAllergies);
}
