using Preau.Platform.Tenancy;

namespace Preau.Identity.Audit;

/// <summary>What the audit log records (issue #2, item 8).</summary>
internal enum AuditAction
{
    /// <summary>Connexion réussie.</summary>
    SignIn,

    /// <summary>Échec de connexion.</summary>
    SignInFailed,

    /// <summary>Compte verrouillé après trop d'échecs.</summary>
    AccountLockedOut,

    /// <summary>Déconnexion.</summary>
    SignOut,

    /// <summary>Compte créé.</summary>
    AccountCreated,

    /// <summary>Compte modifié.</summary>
    AccountUpdated,

    /// <summary>Compte désactivé.</summary>
    AccountDeactivated,

    /// <summary>Compte réactivé.</summary>
    AccountReactivated,

    /// <summary>Compte supprimé (durée de conservation échue).</summary>
    AccountDeleted,

    /// <summary>Compte activé avec un code.</summary>
    AccountActivated,

    /// <summary>Codes d'activation émis.</summary>
    ActivationCodesIssued,

    /// <summary>Mot de passe changé.</summary>
    PasswordChanged,

    /// <summary>Réinitialisation du mot de passe demandée.</summary>
    PasswordResetRequested,

    /// <summary>Mot de passe réinitialisé.</summary>
    PasswordReset,

    /// <summary>Double authentification activée.</summary>
    SecondFactorEnabled,

    /// <summary>Double authentification désactivée ou réinitialisée.</summary>
    SecondFactorDisabled,

    /// <summary>Toutes les sessions d'un compte fermées.</summary>
    SessionsRevoked,

    /// <summary>Profils, affectations ou liens de responsabilité changés.</summary>
    RightsChanged,

    /// <summary>Import appliqué.</summary>
    ImportApplied,

    /// <summary>Réglages du territoire ou d'un établissement changés.</summary>
    StructureChanged,
}

/// <summary>
/// One line of the audit log. Never holds a password, a code or a token: <see cref="Summary"/> is
/// written by Préau, not copied from input.
/// </summary>
internal sealed class AuditEntry : ITerritoryOwned
{
    public long Id { get; init; }

    public Guid TerritoryId { get; init; }

    public DateTime At { get; init; }

    public AuditAction Action { get; init; }

    /// <summary>Who did it (null: the system, or an anonymous failed sign-in).</summary>
    public Guid? ActorId { get; init; }

    /// <summary>The account (or object) concerned.</summary>
    public Guid? SubjectId { get; init; }

    /// <summary>A short French description.</summary>
    public required string Summary { get; init; }

    /// <summary>Client address, kept as long as the log (docs/privacy.md).</summary>
    public string? IpAddress { get; init; }
}
