using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Households;

/// <summary>French names (translation keys) of the households' values, for pages.</summary>
internal static class HouseholdLabels
{
    public static string Of(HouseholdStatus status) => status switch
    {
        HouseholdStatus.Proposed => Fr("À confirmer par la ville"),
        _ => Fr("Confirmé"),
    };

    public static string Of(DocumentStatus status) => status switch
    {
        DocumentStatus.Pending => Fr("En attente de vérification"),
        DocumentStatus.Validated => Fr("Validé"),
        _ => Fr("Refusé"),
    };

    public static string BadgeOf(DocumentStatus status) => status switch
    {
        DocumentStatus.Pending => "badge--info",
        DocumentStatus.Validated => "badge--success",
        _ => "badge--error",
    };

    public static string Of(HouseholdChangeKind kind) => kind switch
    {
        HouseholdChangeKind.Created => Fr("Foyer créé"),
        HouseholdChangeKind.Confirmed => Fr("Foyer confirmé par la ville"),
        HouseholdChangeKind.AddressChanged => Fr("Adresse modifiée"),
        HouseholdChangeKind.PhonesChanged => Fr("Téléphones modifiés"),
        HouseholdChangeKind.MemberAdded => Fr("Enfant ajouté"),
        HouseholdChangeKind.MemberLeft => Fr("Départ d’un responsable"),
        HouseholdChangeKind.PickupAdded => Fr("Personne autorisée ajoutée"),
        HouseholdChangeKind.PickupRemoved => Fr("Personne autorisée retirée"),
        HouseholdChangeKind.MedicalInfoChanged => Fr("Informations de santé modifiées"),
        HouseholdChangeKind.DocumentUploaded => Fr("Justificatif déposé"),
        HouseholdChangeKind.DocumentValidated => Fr("Justificatif validé"),
        HouseholdChangeKind.DocumentRejected => Fr("Justificatif refusé"),
        HouseholdChangeKind.RegistrationSubmitted => Fr("Demande d’inscription"),
        HouseholdChangeKind.RegistrationDecided => Fr("Décision sur une inscription"),
        _ => Fr("Inscription annulée"),
    };
}
