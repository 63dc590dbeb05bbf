using Preau.Platform.Authorization;

namespace Preau.Communication;

/// <summary>The rights of the Communication module and the profiles that hold them by default.</summary>
public static class CommunicationPermissions
{
    // Publishing: news, class blogs, agenda, school council. Relations (teacher of this class, head of
    // this school, guardian of this pupil) are checked by PublishingAuthorizationHandler.

    /// <summary>Publishing news for a class, a school or the town.</summary>
    public const string PublishNews = "communication.news.publish";

    /// <summary>Approving teachers' school news and setting the school's approval rule.</summary>
    public const string ApproveNews = "communication.news.approve";

    /// <summary>Reading and writing class blogs (their class's, or their children's once opened to them).</summary>
    public const string UseBlogs = "communication.blogs.use";

    /// <summary>Organising agenda events (with reminders and sign-up slots).</summary>
    public const string OrganizeEvents = "communication.agenda.organize";

    /// <summary>Seeing the school council spaces one belongs to (members and families).</summary>
    public const string UseSchoolCouncil = "communication.council.use";

    /// <summary>Managing a school's council: members, meetings, approval and publication of minutes.</summary>
    public const string ManageSchoolCouncil = "communication.council.manage";

    internal static readonly Permission[] Publishing =
    [
        new(PublishNews, "Publier des actualités (pour sa classe, son école ou la ville)", Profile.Teacher | Profile.Head | Profile.MunicipalAgent | Profile.ElectedOfficial | Profiles.Administrators),
        new(ApproveNews, "Valider les actualités des enseignants de son école", Profile.Head),
        new(UseBlogs, "Lire et écrire dans les blogs de classe", Profile.Pupil | Profile.Guardian | Profile.Teacher | Profile.Head),
        new(OrganizeEvents, "Organiser des événements de l’agenda (rappels, créneaux)", Profiles.SchoolStaff | Profile.MunicipalAgent | Profile.ElectedOfficial | Profiles.Administrators),
        new(UseSchoolCouncil, "Consulter l’espace du conseil d’école", Profile.Guardian | Profile.Teacher | Profile.Head | Profile.MunicipalAgent | Profile.ElectedOfficial | Profile.Partner),
        new(ManageSchoolCouncil, "Gérer le conseil d’école de son école", Profile.Head),
    ];


    // Messaging: who may write to whom is decided by the territory's rules (Rules/), not by these.

    /// <summary>Using the messaging (every profile; the rules then say to whom).</summary>
    public const string UseMessaging = "communication.messages.use";

    /// <summary>Editing the territory's communication rules, quiet hours and quotas.</summary>
    public const string ManageRules = "communication.rules.manage";

    /// <summary>Reports, held mass messages and suspensions of sending (a head: for the head's school).</summary>
    public const string ModerateMessaging = "communication.messages.moderate";

    internal static readonly Permission[] Messaging =
    [
        new(UseMessaging, "Utiliser la messagerie (selon les règles de communication du territoire)", Profiles.Staff | Profile.Pupil | Profile.Guardian),
        new(ManageRules, "Régler les règles de communication, les horaires de tranquillité et les quotas d’envoi", Profiles.Administrators),
        new(ModerateMessaging, "Traiter les signalements, valider les envois massifs retenus, suspendre les envois d’un compte", Profiles.Administrators | Profile.Head),
    ];

    internal static readonly Permission[] All = [.. Messaging, .. Publishing];
}
