using Preau.Identity.Contracts;
using Preau.Platform.Authorization;

namespace Preau.Identity.Imports;

/// <summary>What a roster format describes, and therefore what an import of it may create or end.</summary>
[Flags]
internal enum RosterCoverage
{
    /// <summary>Classes, pupils, guardians, enrolments and guardian links (both formats).</summary>
    Families = 1,

    /// <summary>Schools themselves (OneRoster's orgs.csv).</summary>
    Schools = 2,

    /// <summary>Teachers and other staff, their assignments to schools and the classes they teach (OneRoster).</summary>
    Staff = 4,
}

/// <summary>A school the file names: described (OneRoster's orgs.csv) or only referred to by its UAI (French CSV).</summary>
internal sealed record RosterSchool(string? SourcedId, string Uai, string? Name, Guid? ExistingId)
{
    /// <summary>Levels of its classes in the file, to tell a maternelle from an élémentaire when the name does not.</summary>
    public HashSet<string> Levels { get; } = [];
}

/// <summary>A school year of the file.</summary>
internal sealed record RosterYear(string Label, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>A class or group of the file.</summary>
internal sealed record RosterClass(string Key, int School, string YearLabel, string Name, string? Level, ClassGroupKind Kind);

/// <summary>A person of the file, keyed by sourcedId (OneRoster), INE (French CSV pupils) or a derived key (French CSV guardians).</summary>
internal sealed class RosterPerson(string key, string firstName, string lastName)
{
    public string Key { get; set; } = key;

    public string FirstName { get; set; } = firstName;

    public string LastName { get; set; } = lastName;

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public DateOnly? BirthDate { get; set; }

    public Profile Profiles { get; set; }

    /// <summary>OneRoster demographics' sex, to tell a mother from a father among parents.</summary>
    public string? Sex { get; set; }
}

/// <summary>A pupil in a class or group (indexes into the roster's lists).</summary>
internal readonly record struct RosterEnrolment(int Pupil, int Class);

/// <summary>A teacher of a class or group, with the subject in secondary school.</summary>
internal readonly record struct RosterTeaching(int Teacher, int Class, string? Subject);

/// <summary>A staff member's profile in a school.</summary>
internal readonly record struct RosterStaff(int Person, int School, Profile Profile);

/// <summary>A guardian of a pupil.</summary>
internal readonly record struct RosterLink(int Guardian, int Pupil, GuardianRelation Relation, bool HasParentalAuthority);

/// <summary>
/// A roster as read from a file, checked line by line and with every reference resolved: compact lists
/// indexed by position, dictionaries keyed by the file's identifiers. What it holds is what the file
/// says; comparing it with the database is <see cref="RosterPlanner"/>'s work.
/// </summary>
internal sealed class Roster(RosterCoverage coverage)
{
    public RosterCoverage Coverage { get; } = coverage;

    public List<RosterSchool> Schools { get; } = [];

    public Dictionary<string, RosterYear> Years { get; } = new(StringComparer.Ordinal);

    public List<RosterClass> Classes { get; } = [];

    public Dictionary<string, int> ClassByKey { get; } = new(StringComparer.Ordinal);

    public List<RosterPerson> People { get; } = [];

    public Dictionary<string, int> PersonByKey { get; } = new(StringComparer.Ordinal);

    public List<RosterEnrolment> Enrolments { get; } = [];

    public List<RosterTeaching> Teaching { get; } = [];

    public List<RosterStaff> Staff { get; } = [];

    public List<RosterLink> Links { get; } = [];

    /// <summary>
    /// Keys of the people and classes the file mentions, on valid lines or rejected ones: someone on a
    /// rejected line is not in the roster, but not absent from the file either, so an import never
    /// deactivates them because of a typo.
    /// </summary>
    public HashSet<string> MentionedKeys { get; } = new(StringComparer.Ordinal);

    public int AddPerson(RosterPerson person)
    {
        People.Add(person);
        PersonByKey[person.Key] = People.Count - 1;
        return People.Count - 1;
    }

    public int AddClass(RosterClass group)
    {
        Classes.Add(group);
        ClassByKey[group.Key] = Classes.Count - 1;
        return Classes.Count - 1;
    }
}
