using Preau.Identity.Audit;
using Preau.Identity.Contracts;
using Preau.Identity.Territories;
using Preau.Platform.Authorization;
using static Preau.Platform.Localization.Text;

namespace Preau.Identity.Structures;

/// <summary>The French names of the module's kinds and profiles, as pages show them (translated there).</summary>
internal static class AdminLabels
{
    public static string Of(TerritoryKind kind) => kind switch
    {
        TerritoryKind.Commune => Fr("Commune"),
        TerritoryKind.Intercommunalite => Fr("Intercommunalité ou syndicat mixte"),
        TerritoryKind.Departement => Fr("Département"),
        TerritoryKind.Region => Fr("Région"),
        _ => kind.ToString(),
    };

    public static string Of(SchoolKind kind) => kind switch
    {
        SchoolKind.Maternelle => Fr("École maternelle"),
        SchoolKind.Elementaire => Fr("École élémentaire"),
        SchoolKind.Primaire => Fr("École primaire"),
        SchoolKind.College => Fr("Collège"),
        SchoolKind.Lycee => Fr("Lycée"),
        _ => kind.ToString(),
    };

    public static string Of(ClassGroupKind kind) => kind == ClassGroupKind.Class ? Fr("Classe") : Fr("Groupe");

    public static string Of(GuardianRelation relation) => relation switch
    {
        GuardianRelation.Mother => Fr("Mère"),
        GuardianRelation.Father => Fr("Père"),
        GuardianRelation.LegalGuardian => Fr("Tuteur ou tutrice légal(e)"),
        _ => Fr("Autre lien"),
    };

    public static string Of(Profile profile) => profile switch
    {
        Profile.Pupil => Fr("Élève"),
        Profile.Guardian => Fr("Responsable légal"),
        Profile.Teacher => Fr("Enseignant"),
        Profile.Head => Fr("Direction d’école ou d’établissement"),
        Profile.SchoolLifeStaff => Fr("Vie scolaire"),
        Profile.AfterSchoolStaff => Fr("Animateur périscolaire"),
        Profile.MunicipalAgent => Fr("Agent de la collectivité"),
        Profile.ItTechnician => Fr("Technicien informatique"),
        Profile.ElectedOfficial => Fr("Élu"),
        Profile.Partner => Fr("Partenaire"),
        Profile.TerritoryAdmin => Fr("Administrateur du territoire"),
        Profile.PlatformAdmin => Fr("Administrateur de la plateforme"),
        _ => profile.ToString(),
    };

    public static string Of(AuditAction action) => action switch
    {
        AuditAction.SignIn => Fr("Connexion"),
        AuditAction.SignInFailed => Fr("Échec de connexion"),
        AuditAction.AccountLockedOut => Fr("Compte verrouillé"),
        AuditAction.SignOut => Fr("Déconnexion"),
        AuditAction.AccountCreated => Fr("Compte créé"),
        AuditAction.AccountUpdated => Fr("Compte modifié"),
        AuditAction.AccountDeactivated => Fr("Compte désactivé"),
        AuditAction.AccountReactivated => Fr("Compte réactivé"),
        AuditAction.AccountDeleted => Fr("Compte supprimé"),
        AuditAction.AccountActivated => Fr("Compte activé"),
        AuditAction.ActivationCodesIssued => Fr("Codes d’activation émis"),
        AuditAction.PasswordChanged => Fr("Mot de passe changé"),
        AuditAction.PasswordResetRequested => Fr("Réinitialisation demandée"),
        AuditAction.PasswordReset => Fr("Mot de passe réinitialisé"),
        AuditAction.SecondFactorEnabled => Fr("Double authentification activée"),
        AuditAction.SecondFactorDisabled => Fr("Double authentification désactivée"),
        AuditAction.SessionsRevoked => Fr("Sessions fermées"),
        AuditAction.RightsChanged => Fr("Droits modifiés"),
        AuditAction.ImportApplied => Fr("Import appliqué"),
        AuditAction.StructureChanged => Fr("Structure modifiée"),
        _ => action.ToString(),
    };

    /// <summary>The French names of every profile an account holds, joined.</summary>
    public static IEnumerable<string> OfAll(Profile profiles) =>
        Platform.Authorization.Profiles.All.Where(p => (profiles & p) != Profile.None).Select(Of);
}
