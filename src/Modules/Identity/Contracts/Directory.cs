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

    /// <summary>A territory by the short name of its public pages ("valmont"), or null (any territory: public pages enter it).</summary>
    Task<TerritoryInfo?> FindTerritoryBySlugAsync(string slug, CancellationToken cancellationToken = default);

    /// <summary>A school of the current territory by its UAI code, or null.</summary>
    Task<SchoolInfo?> FindSchoolByUaiAsync(string uai, CancellationToken cancellationToken = default);
}
