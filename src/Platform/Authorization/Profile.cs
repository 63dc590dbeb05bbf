namespace Preau.Platform.Authorization;

/// <summary>
/// The profiles of DESIGN.md (Tenancy and rights). An account may hold several (a teacher who is also
/// a parent). Profiles grant permissions; relations (teacher of this class, guardian of this pupil)
/// are checked by each module's resource handlers.
/// </summary>
[Flags]
public enum Profile
{
    /// <summary>No profile.</summary>
    None = 0,

    /// <summary>Élève.</summary>
    Pupil = 1 << 0,

    /// <summary>Responsable légal.</summary>
    Guardian = 1 << 1,

    /// <summary>Enseignant.</summary>
    Teacher = 1 << 2,

    /// <summary>Directeur d'école ou chef d'établissement.</summary>
    Head = 1 << 3,

    /// <summary>Vie scolaire (CPE, assistants d'éducation).</summary>
    SchoolLifeStaff = 1 << 4,

    /// <summary>Animateur périscolaire.</summary>
    AfterSchoolStaff = 1 << 5,

    /// <summary>Agent du service éducation de la collectivité.</summary>
    MunicipalAgent = 1 << 6,

    /// <summary>Technicien informatique de la collectivité.</summary>
    ItTechnician = 1 << 7,

    /// <summary>Élu.</summary>
    ElectedOfficial = 1 << 8,

    /// <summary>Partenaire (association, médiathèque, délégué académique au numérique).</summary>
    Partner = 1 << 9,

    /// <summary>Administrateur du territoire.</summary>
    TerritoryAdmin = 1 << 10,

    /// <summary>Administrateur de la plateforme (toutes les collectivités de l'installation).</summary>
    PlatformAdmin = 1 << 11,
}

/// <summary>Groups of profiles that rules refer to.</summary>
public static class Profiles
{
    /// <summary>Staff of a school.</summary>
    public const Profile SchoolStaff = Profile.Teacher | Profile.Head | Profile.SchoolLifeStaff | Profile.AfterSchoolStaff;

    /// <summary>Every adult profile that works for the school or the territory.</summary>
    public const Profile Staff = SchoolStaff | Profile.MunicipalAgent | Profile.ItTechnician | Profile.ElectedOfficial
        | Profile.Partner | Profile.TerritoryAdmin | Profile.PlatformAdmin;

    /// <summary>Profiles that must enrol a second factor (DESIGN.md, Identity).</summary>
    public const Profile Administrators = Profile.TerritoryAdmin | Profile.PlatformAdmin;

    /// <summary>Every profile, in display order.</summary>
    public static readonly IReadOnlyList<Profile> All = Enum.GetValues<Profile>().Where(p => p != Profile.None).ToList();
}
