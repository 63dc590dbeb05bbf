using Preau.Identity.Accounts;
using Preau.Identity.Classes;
using Preau.Identity.Contracts;
using Preau.Identity.Schools;
using Preau.Platform.Authorization;

namespace Preau.Identity.Imports;

/// <summary>A person of the roster that has no account yet: the account is built when it is written.</summary>
internal readonly record struct NewAccount(int Person, Guid Id)
{
    /// <summary>Its login, chosen once the logins already taken are known.</summary>
    public string? UserName { get; init; }
}

/// <summary>What changes on an existing account (null: unchanged).</summary>
internal sealed record AccountChange(Guid Id, int Person)
{
    public bool Names { get; init; }

    public bool BirthDate { get; init; }

    public string? Email { get; init; }

    public string? PhoneNumber { get; init; }

    public Profile? Profiles { get; init; }

    public bool Reactivate { get; init; }

    public string? SourcedId { get; init; }
}

internal sealed record SchoolChange(Guid Id, string? Name, string? SourcedId, bool Reactivate);

internal sealed record ClassChange(Guid Id, RosterClass Class, Guid SchoolId, bool Reactivate);

internal readonly record struct LinkChange(Guid Id, GuardianRelation Relation, bool HasParentalAuthority);

/// <summary>An enrolment to create (a compact value: the entity is built when it is written).</summary>
internal readonly record struct NewEnrolment(Guid PupilId, Guid ClassGroupId, DateOnly StartsOn);

/// <summary>A guardian link to create (a compact value: the entity is built when it is written).</summary>
internal readonly record struct NewLink(Guid GuardianId, Guid PupilId, GuardianRelation Relation, bool HasParentalAuthority);

/// <summary>
/// Everything an import changes, decided by <see cref="RosterPlanner"/> before anything is written, and
/// counted for the report: rows to create, rows to update, rows to deactivate, end or delete.
/// </summary>
internal sealed class RosterPlan
{
    public ImportReport Report { get; } = new();

    public List<School> NewSchools { get; } = [];

    public List<SchoolChange> SchoolChanges { get; } = [];

    public List<Guid> SchoolsToDeactivate { get; } = [];

    public List<SchoolYear> NewYears { get; } = [];

    public List<ClassGroup> NewClasses { get; } = [];

    public List<ClassChange> ClassChanges { get; } = [];

    public List<Guid> ClassesToDeactivate { get; } = [];

    public List<NewAccount> NewAccounts { get; } = [];

    public List<AccountChange> AccountChanges { get; } = [];

    public List<Guid> AccountsToDeactivate { get; } = [];

    public List<NewEnrolment> NewEnrolments { get; } = [];

    public List<Guid> EnrolmentsToReopen { get; } = [];

    public List<(Guid Id, DateOnly EndsOn)> EnrolmentsToEnd { get; } = [];

    public List<TeachingAssignment> NewTeaching { get; } = [];

    public List<Guid> TeachingToReopen { get; } = [];

    public List<(Guid Id, DateOnly EndsOn)> TeachingToEnd { get; } = [];

    public List<StaffAssignment> NewStaff { get; } = [];

    public List<Guid> StaffToReopen { get; } = [];

    public List<Guid> StaffToEnd { get; } = [];

    public List<NewLink> NewLinks { get; } = [];

    public List<LinkChange> LinkChanges { get; } = [];

    public List<Guid> LinksToDelete { get; } = [];

    /// <summary>The account of each person of the roster (existing or new), by the person's index.</summary>
    public Guid[] PersonAccounts { get; set; } = [];

    /// <summary>How many rows the application writes (for its progress bar).</summary>
    public int WriteCount =>
        NewSchools.Count + SchoolChanges.Count + SchoolsToDeactivate.Count + NewYears.Count + NewClasses.Count + ClassChanges.Count
        + ClassesToDeactivate.Count + NewAccounts.Count + AccountChanges.Count + AccountsToDeactivate.Count + NewEnrolments.Count
        + EnrolmentsToReopen.Count + EnrolmentsToEnd.Count + NewTeaching.Count + TeachingToReopen.Count + TeachingToEnd.Count
        + NewStaff.Count + StaffToReopen.Count + StaffToEnd.Count + NewLinks.Count + LinkChanges.Count + LinksToDelete.Count;
}
