using Preau.Platform.Authorization;

namespace Preau.Identity;

/// <summary>The rights of the Identity &amp; Structures module and the profiles that hold them by default.</summary>
public static class IdentityPermissions
{
    /// <summary>Territory settings, every school and account of the territory, the audit log.</summary>
    public const string ManageTerritory = "identity.territory.manage";

    /// <summary>Schools, years, classes and groups (a head: their own school only).</summary>
    public const string ManageSchools = "identity.schools.manage";

    /// <summary>Accounts, profiles, assignments and guardian links (a head: their school's only).</summary>
    public const string ManageAccounts = "identity.accounts.manage";

    /// <summary>Roster imports (a head: into their own school only).</summary>
    public const string ImportRosters = "identity.imports.run";

    /// <summary>Issuing and printing activation letters.</summary>
    public const string PrintActivationLetters = "identity.activation.print";

    /// <summary>Reading the audit log.</summary>
    public const string ReadAuditLog = "identity.audit.read";

    /// <summary>Listing and creating territories (the installation's platform administrator only).</summary>
    public const string ManagePlatform = "identity.platform.manage";

    /// <summary>Reading schools and their classes through the API (the town's information system, a head for their school).</summary>
    public const string ReadStructures = "identity.structures.read";

    internal static readonly Permission[] All =
    [
        new(ManageTerritory, "Régler le territoire et administrer tous ses établissements et comptes", Profiles.Administrators),
        new(ManageSchools, "Gérer les établissements, années, classes et groupes (le sien pour un directeur)", Profiles.Administrators | Profile.Head),
        new(ManageAccounts, "Gérer les comptes, profils et liens familiaux (ceux de son établissement pour un directeur)", Profiles.Administrators | Profile.Head),
        new(ImportRosters, "Importer une base élèves (OneRoster ou CSV)", Profiles.Administrators | Profile.Head),
        new(PrintActivationLetters, "Émettre et imprimer les lettres d’activation des familles", Profiles.Administrators | Profile.Head | Profile.MunicipalAgent),
        new(ReadAuditLog, "Consulter le journal d’audit", Profiles.Administrators),
        new(ManagePlatform, "Créer et lister les territoires de l’installation", Profile.PlatformAdmin),
        new(ReadStructures, "Lire les établissements et leurs classes (API)", Profiles.Administrators | Profile.Head | Profile.MunicipalAgent),
    ];
}
