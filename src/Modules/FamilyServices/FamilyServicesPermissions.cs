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

    /// <summary>The statistics dashboard (docs/family-services.md, Statistics): the town's agent for the territory, a school head for their school (attendance and registrations, not the estimate).</summary>
    public const string ReadStatistics = "familyservices.statistics.read";


    // Quotient familial, tariffs, menus, enrolment and catchment.

    /// <summary>A guardian's own household quotient: see it, send an attestation or a declaration.</summary>
    public const string DeclareQuotient = "familyservices.quotient.declare";

    /// <summary>Enter, validate and reject quotients; edit the parts rule.</summary>
    public const string ManageQuotients = "familyservices.quotient.manage";

    /// <summary>Create, edit and publish tariff versions; simulate prices.</summary>
    public const string ManageTariffs = "familyservices.tariffs.manage";

    /// <summary>Read the tariff grids and use the simulator.</summary>
    public const string ReadTariffs = "familyservices.tariffs.read";

    /// <summary>Write and publish the canteen's menus.</summary>
    public const string ManageMenus = "familyservices.menus.manage";

    /// <summary>The canteen's list of the day with allergy flags (staff of the school, the town's agents).</summary>
    public const string ReadCanteenList = "familyservices.menus.canteen-list";

    /// <summary>Define the catchment map and the derogation reasons.</summary>
    public const string ManageCatchment = "familyservices.catchment.manage";

    /// <summary>File and follow a school enrolment request for one's child.</summary>
    public const string RequestEnrolment = "familyservices.enrolment.request";

    /// <summary>Handle enrolment requests and decide (the education service and the mayor's office).</summary>
    public const string DecideEnrolment = "familyservices.enrolment.decide";

    /// <summary>The school head's list of pupils enrolled by the town in their school.</summary>
    public const string ReceiveEnrolments = "familyservices.enrolment.receive";


    // Invoices and payments.

    /// <summary>A guardian's own household's invoices: read them, download them, pay online.</summary>
    public const string PayInvoices = "familyservices.invoices.pay";

    /// <summary>Compute, check and issue the monthly invoices; credit notes, payments, reminders, exports.</summary>
    public const string ManageInvoices = "familyservices.invoices.manage";

    internal static readonly Permission[] All =
    [
        // Households, services and registrations, reservations and attendance.
        new(ReadHouseholds, "Consulter les foyers (le sien pour un responsable légal)", Profile.Guardian | Profile.MunicipalAgent),
        new(ManageHouseholds, "Créer les foyers, les confirmer et vérifier leurs justificatifs", Profile.MunicipalAgent),
        new(FamilyPortal, "Utiliser l’espace famille : déclarer son foyer, inscrire ses enfants, réserver", Profile.Guardian),
        new(BookDays, "Réserver et annuler des jours de cantine et de périscolaire", Profile.Guardian | Profile.MunicipalAgent),
        new(ManageServices, "Définir les services par école et année, et décider des inscriptions", Profile.MunicipalAgent),
        new(PointAttendance, "Pointer les présences (animateurs de l’école, agent de la ville)", Profile.AfterSchoolStaff | Profile.MunicipalAgent),
        new(ReadExpectedNumbers, "Consulter les effectifs attendus par école et service", Profile.AfterSchoolStaff | Profile.Head | Profile.MunicipalAgent),
        new(ReadStatistics, "Consulter les statistiques de fréquentation, d’inscription et le montant estimé (son école pour la direction)", Profile.MunicipalAgent | Profile.Head),

        // Quotient familial, tariffs, menus, enrolment and catchment.
        new(DeclareQuotient, "Consulter et déclarer le quotient familial de son foyer", Profile.Guardian),
        new(ManageQuotients, "Saisir, valider ou refuser les quotients familiaux et régler le calcul des parts", Profile.MunicipalAgent),
        new(ManageTariffs, "Créer, modifier et publier les grilles tarifaires", Profile.MunicipalAgent),
        new(ReadTariffs, "Consulter les grilles tarifaires et le simulateur", Profile.MunicipalAgent | Profile.ElectedOfficial),
        new(ManageMenus, "Rédiger et publier les menus de la restauration scolaire", Profile.MunicipalAgent),
        new(ReadCanteenList, "Consulter la liste de cantine du jour avec les allergies", Profile.MunicipalAgent | Profile.AfterSchoolStaff | Profile.Head),
        new(ManageCatchment, "Définir la carte scolaire et les motifs de dérogation", Profile.MunicipalAgent),
        new(RequestEnrolment, "Demander l’inscription scolaire de son enfant", Profile.Guardian),
        new(DecideEnrolment, "Instruire et décider les demandes d’inscription et de dérogation", Profile.MunicipalAgent | Profile.ElectedOfficial),
        new(ReceiveEnrolments, "Recevoir les élèves inscrits par la mairie dans son école", Profile.Head),

        // Invoices and payments.
        new(PayInvoices, "Consulter et payer les factures de son foyer", Profile.Guardian),
        new(ManageInvoices, "Facturer les services, enregistrer les paiements, émettre les avoirs et relancer", Profile.MunicipalAgent),
    ];
}
