using Preau.Platform.Authorization;

namespace Preau.Communication;

/// <summary>The rights of the Communication module and the profiles that hold them by default.</summary>
public static class CommunicationPermissions
{
    // Messaging: who may write to whom is decided by the territory's rules (Rules/), not by these.

    /// <summary>Using the messaging (every profile; the rules then say to whom).</summary>
    public const string UseMessaging = "communication.messages.use";

    /// <summary>Editing the territory's communication rules, quiet hours and quotas.</summary>
    public const string ManageRules = "communication.rules.manage";

    /// <summary>Reports, held mass messages and suspensions of sending (a head: for the head's school).</summary>
    public const string ModerateMessaging = "communication.messages.moderate";

    internal static readonly Permission[] All =
    [
        new(UseMessaging, "Utiliser la messagerie (selon les règles de communication du territoire)", Profiles.Staff | Profile.Pupil | Profile.Guardian),
        new(ManageRules, "Régler les règles de communication, les horaires de tranquillité et les quotas d’envoi", Profiles.Administrators),
        new(ModerateMessaging, "Traiter les signalements, valider les envois massifs retenus, suspendre les envois d’un compte", Profiles.Administrators | Profile.Head),
    ];
}
