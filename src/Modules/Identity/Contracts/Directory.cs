namespace Preau.Identity.Contracts;

/// <summary>The current territory: its name and theme for the layout, its time zone for dates.</summary>
public sealed record TerritoryInfo(Guid Id, string Name, string Slug, string PrimaryColor, string TimeZoneId);

/// <summary>A school as other modules see it.</summary>
public sealed record SchoolInfo(Guid Id, string Uai, string Name, SchoolKind Kind, string? City, bool IsActive);

/// <summary>A school year.</summary>
public sealed record SchoolYearInfo(Guid Id, string Label, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>A class or group as other modules see it.</summary>
public sealed record ClassGroupInfo(Guid Id, Guid SchoolId, Guid SchoolYearId, string Name, string? Level, ClassGroupKind Kind);

/// <summary>A person's name (no contact details: those go through messaging, never exposed).</summary>
public sealed record PersonInfo(Guid Id, string FirstName, string LastName)
{
    /// <summary>"Prénom Nom".</summary>
    public string DisplayName => $"{FirstName} {LastName}";
}

/// <summary>A pupil with the class they are in this year.</summary>
public sealed record PupilInfo(Guid Id, string FirstName, string LastName, Guid? ClassId, string? ClassName, Guid? SchoolId)
{
    /// <summary>"Prénom Nom".</summary>
    public string DisplayName => $"{FirstName} {LastName}";
}

/// <summary>A guardian of a pupil.</summary>
public sealed record GuardianInfo(Guid GuardianId, Guid PupilId, string FirstName, string LastName, GuardianRelation Relation, bool HasParentalAuthority, bool IsActivated)
{
    /// <summary>"Prénom Nom".</summary>
    public string DisplayName => $"{FirstName} {LastName}";
}

/// <summary>A staff member of a school.</summary>
public sealed record StaffInfo(Guid AccountId, Guid SchoolId, string FirstName, string LastName, Platform.Authorization.Profile Profile)
{
    /// <summary>"Prénom Nom".</summary>
    public string DisplayName => $"{FirstName} {LastName}";
}

/// <summary>An account's e-mail and language, for modules that notify (the address never reaches pages).</summary>
public sealed record ContactInfo(Guid AccountId, string DisplayName, string? Email, string Language, bool IsActive);

/// <summary>
/// Where an account stands in the structures, to compare two accounts (who may write to whom): its
/// profiles, the schools it works in with which profiles, the classes and groups it teaches or belongs
/// to, and those of its children. Every dictionary maps a class or group to its school.
/// </summary>
/// <param name="AccountId">The account.</param>
/// <param name="Profiles">Its profiles.</param>
/// <param name="IsActive">Whether it may still sign in and receive.</param>
/// <param name="StaffSchools">Per school it works in, the profiles it holds there.</param>
/// <param name="TaughtGroups">Classes and groups it teaches.</param>
/// <param name="PupilGroups">Classes and groups it belongs to as a pupil.</param>
/// <param name="ChildGroups">Classes and groups of the pupils it is a guardian of.</param>
public sealed record AccountPlacement(
    Guid AccountId,
    Platform.Authorization.Profile Profiles,
    bool IsActive,
    IReadOnlyDictionary<Guid, Platform.Authorization.Profile> StaffSchools,
    IReadOnlyDictionary<Guid, Guid> TaughtGroups,
    IReadOnlyDictionary<Guid, Guid> PupilGroups,
    IReadOnlyDictionary<Guid, Guid> ChildGroups);

/// <summary>
/// Read-only questions other modules ask about the structures of the current territory.
/// Every answer is scoped to the current territory; batch methods avoid N+1 queries.
/// </summary>
public interface IStructureDirectory
{
    /// <summary>The current territory (cached for a few minutes), or null outside any territory.</summary>
    Task<TerritoryInfo?> GetCurrentTerritoryAsync(CancellationToken cancellationToken = default);

    /// <summary>The school year that contains today in the territory, if any.</summary>
    Task<SchoolYearInfo?> GetCurrentSchoolYearAsync(CancellationToken cancellationToken = default);

    /// <summary>The territory's school calendar: years, school holidays, public holidays (cached for a few minutes).</summary>
    Task<SchoolCalendar> GetSchoolCalendarAsync(CancellationToken cancellationToken = default);

    /// <summary>A school, or null if it is not in this territory.</summary>
    Task<SchoolInfo?> GetSchoolAsync(Guid schoolId, CancellationToken cancellationToken = default);

    /// <summary>Schools by id.</summary>
    Task<IReadOnlyList<SchoolInfo>> GetSchoolsAsync(IEnumerable<Guid> schoolIds, CancellationToken cancellationToken = default);

    /// <summary>All active schools of the territory.</summary>
    Task<IReadOnlyList<SchoolInfo>> ListSchoolsAsync(CancellationToken cancellationToken = default);

    /// <summary>A class or group, or null if it is not in this territory.</summary>
    Task<ClassGroupInfo?> GetClassGroupAsync(Guid classGroupId, CancellationToken cancellationToken = default);

    /// <summary>Classes and groups by id.</summary>
    Task<IReadOnlyList<ClassGroupInfo>> GetClassGroupsAsync(IEnumerable<Guid> classGroupIds, CancellationToken cancellationToken = default);

    /// <summary>The active classes and groups of a school in the current school year.</summary>
    Task<IReadOnlyList<ClassGroupInfo>> ListClassGroupsOfSchoolAsync(Guid schoolId, CancellationToken cancellationToken = default);

    /// <summary>The pupils currently in a class or group, by name.</summary>
    Task<IReadOnlyList<PupilInfo>> ListPupilsOfGroupAsync(Guid classGroupId, CancellationToken cancellationToken = default);

    /// <summary>The pupils currently in any class of a school, by name.</summary>
    Task<IReadOnlyList<PupilInfo>> ListPupilsOfSchoolAsync(Guid schoolId, CancellationToken cancellationToken = default);

    /// <summary>Pupils by id, with their current class.</summary>
    Task<IReadOnlyList<PupilInfo>> GetPupilsAsync(IEnumerable<Guid> pupilIds, CancellationToken cancellationToken = default);

    /// <summary>The active guardians of the given pupils.</summary>
    Task<IReadOnlyList<GuardianInfo>> ListGuardiansOfPupilsAsync(IEnumerable<Guid> pupilIds, CancellationToken cancellationToken = default);

    /// <summary>The teachers of a class or group.</summary>
    Task<IReadOnlyList<PersonInfo>> ListTeachersOfGroupAsync(Guid classGroupId, CancellationToken cancellationToken = default);

    /// <summary>The staff of a school, optionally only one profile.</summary>
    Task<IReadOnlyList<StaffInfo>> ListStaffOfSchoolAsync(Guid schoolId, Platform.Authorization.Profile? profile = null, CancellationToken cancellationToken = default);

    /// <summary>Accounts' names by id (inactive ones included: history stays readable).</summary>
    Task<IReadOnlyList<PersonInfo>> GetPeopleAsync(IEnumerable<Guid> accountIds, CancellationToken cancellationToken = default);

    /// <summary>Accounts with a given profile in the territory (e.g. municipal agents).</summary>
    Task<IReadOnlyList<PersonInfo>> ListAccountsWithProfileAsync(Platform.Authorization.Profile profile, CancellationToken cancellationToken = default);

    /// <summary>E-mail and language of accounts, for notifications.</summary>
    Task<IReadOnlyList<ContactInfo>> GetContactsAsync(IEnumerable<Guid> accountIds, CancellationToken cancellationToken = default);

    /// <summary>The current territory's theme for the layout: name, colour and logo address (cached), or null outside any territory.</summary>
    Task<TerritoryTheme?> GetCurrentThemeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// A territory by the short name of its public pages (/t/{slug}/…), whatever territory the scope is in
    /// (public pages enter the territory from their route), or null.
    /// </summary>
    Task<TerritoryInfo?> FindTerritoryBySlugAsync(string slug, CancellationToken cancellationToken = default);

    /// <summary>An active school of the current territory by its UAI (case-insensitive), or null.</summary>
    Task<SchoolInfo?> FindSchoolByUaiAsync(string uai, CancellationToken cancellationToken = default);

    /// <summary>Where accounts stand in the structures, in five queries whatever their number (messaging rules).</summary>
    Task<IReadOnlyList<AccountPlacement>> GetPlacementsAsync(IEnumerable<Guid> accountIds, CancellationToken cancellationToken = default);

    /// <summary>Active accounts holding any of <paramref name="profiles"/> whose name contains <paramref name="text"/> (case ignored), at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<PersonInfo>> SearchAccountsAsync(string text, Platform.Authorization.Profile profiles, int limit, CancellationToken cancellationToken = default);

    /// <summary>The active guardians of the active pupils of a school's classes, in one query (a message to every family of a school).</summary>
    Task<IReadOnlyList<Guid>> ListGuardianIdsOfSchoolAsync(Guid schoolId, CancellationToken cancellationToken = default);

    /// <summary>The active guardians of the active pupils of a class or group, in one query.</summary>
    Task<IReadOnlyList<Guid>> ListGuardianIdsOfGroupAsync(Guid classGroupId, CancellationToken cancellationToken = default);

    /// <summary>The current classes and groups of active pupils with their names, in one query (a family's children, a pupil's own).</summary>
    Task<IReadOnlyList<PupilGroupInfo>> ListGroupsOfPupilsAsync(IEnumerable<Guid> pupilIds, CancellationToken cancellationToken = default);

    /// <summary>The current teachers of classes and groups with their subject, in one query.</summary>
    Task<IReadOnlyList<TeachingInfo>> ListTeachingOfGroupsAsync(IEnumerable<Guid> classGroupIds, CancellationToken cancellationToken = default);
}

/// <summary>A pupil's membership of a class or group of the current year (one row per pupil and group), with the pupil's name.</summary>
/// <param name="PupilId">The pupil.</param>
/// <param name="FirstName">The pupil's first name.</param>
/// <param name="LastName">The pupil's last name.</param>
/// <param name="ClassGroupId">The class or group.</param>
/// <param name="SchoolId">Its school.</param>
/// <param name="SchoolYearId">Its school year.</param>
/// <param name="Name">Its name ("CM2", "Espagnol LV2").</param>
/// <param name="Kind">Class or group.</param>
public sealed record PupilGroupInfo(Guid PupilId, string FirstName, string LastName, Guid ClassGroupId, Guid SchoolId, Guid SchoolYearId, string Name, ClassGroupKind Kind);

/// <summary>A teacher of a class or group, with the subject taught there (empty in primary school).</summary>
/// <param name="ClassGroupId">The class or group.</param>
/// <param name="TeacherId">The teacher's account.</param>
/// <param name="FirstName">First name.</param>
/// <param name="LastName">Last name.</param>
/// <param name="Subject">Subject taught in this group, if any.</param>
public sealed record TeachingInfo(Guid ClassGroupId, Guid TeacherId, string FirstName, string LastName, string? Subject)
{
    /// <summary>"Prénom Nom".</summary>
    public string DisplayName => $"{FirstName} {LastName}";
}

/// <summary>What every page's header shows of the territory.</summary>
/// <param name="Name">The territory's display name.</param>
/// <param name="PrimaryColor">Its colour (#rrggbb), checked for contrast when saved.</param>
/// <param name="LogoUrl">The address of its logo, versioned so that a new logo is fetched at once; null without one.</param>
public sealed record TerritoryTheme(string Name, string PrimaryColor, string? LogoUrl);
