using Preau.Platform.Authorization;

namespace Preau.FamilyServices;

/// <summary>The rights of the Family services module and the profiles that hold them by default.</summary>
public static class FamilyServicesPermissions
{
    // Households, services and registrations, reservations and attendance (docs/family-services.md).

    /// <summary>Seeing households: a guardian their own, the town's agent all of the territory's.</summary>
    public const string ReadHouseholds = "familyservices.households.read";

    /// <summary>Creating households from the rosters, confirming them, checking their documents.</summary>
    public const string ManageHouseholds = "familyservices.households.manage";

    /// <summary>The family portal: declaring one's household, registering one's children, booking their days.</summary>
    public const string FamilyPortal = "familyservices.portal";

    /// <summary>Booking and cancelling days (a guardian for their household, the agent at the counter).</summary>
    public const string BookDays = "familyservices.reservations.book";

    /// <summary>Defining the services of each school and year, and deciding registrations.</summary>
    public const string ManageServices = "familyservices.services.manage";

    /// <summary>Marking attendance (the after-school and canteen staff of the school, the agent).</summary>
    public const string PointAttendance = "familyservices.attendance.point";

    /// <summary>Reading the expected numbers of a day per school and service.</summary>
    public const string ReadExpectedNumbers = "familyservices.numbers.read";

    internal static readonly Permission[] All =
    [
        new(ReadHouseholds, "Consulter les foyers (le sien pour un responsable légal)", Profile.Guardian | Profile.MunicipalAgent),
        new(ManageHouseholds, "Créer les foyers, les confirmer et vérifier leurs justificatifs", Profile.MunicipalAgent),
        new(FamilyPortal, "Utiliser l’espace famille : déclarer son foyer, inscrire ses enfants, réserver", Profile.Guardian),
        new(BookDays, "Réserver et annuler des jours de cantine et de périscolaire", Profile.Guardian | Profile.MunicipalAgent),
        new(ManageServices, "Définir les services par école et année, et décider des inscriptions", Profile.MunicipalAgent),
        new(PointAttendance, "Pointer les présences (animateurs de l’école, agent de la ville)", Profile.AfterSchoolStaff | Profile.MunicipalAgent),
        new(ReadExpectedNumbers, "Consulter les effectifs attendus par école et service", Profile.AfterSchoolStaff | Profile.Head | Profile.MunicipalAgent),
    ];
}
