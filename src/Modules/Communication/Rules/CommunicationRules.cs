using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;

namespace Preau.Communication.Rules;

/// <summary>How close a recipient must be to the sender for a pair of profiles (DESIGN.md, Tenancy and rights).</summary>
internal enum Reach
{
    /// <summary>Never.</summary>
    None = 0,

    /// <summary>Only when they share a class or group (the child's teacher, a classmate).</summary>
    Class = 1,

    /// <summary>When they share a school (the pupil's or the child's school, the school one works in).</summary>
    School = 2,

    /// <summary>Anyone of the territory with that profile.</summary>
    Territory = 3,
}

/// <summary>One cell of a territory's rules, where it differs from the defaults.</summary>
internal sealed class CommunicationRule : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Profile SenderProfile { get; init; }

    public Profile RecipientProfile { get; init; }

    public Reach Reach { get; set; }
}

/// <summary>
/// Who may write to whom: for each sender profile and recipient profile, how close they must be.
/// Territories edit it; the defaults are safe (issue 4, item 2) and a few limits cannot be lifted:
/// only school staff and classmates may ever reach a pupil, never beyond the pupil's school.
/// </summary>
internal sealed class RuleMatrix
{
    /// <summary>The profiles of the matrix, in display order (platform administrators write through their territory profile).</summary>
    public static readonly IReadOnlyList<Profile> Profiles =
    [
        Profile.Pupil, Profile.Guardian, Profile.Teacher, Profile.Head, Profile.SchoolLifeStaff, Profile.AfterSchoolStaff,
        Profile.MunicipalAgent, Profile.ItTechnician, Profile.ElectedOfficial, Profile.Partner, Profile.TerritoryAdmin,
    ];

    /// <summary>The staff of a school, who alone may write to pupils (with classmates).</summary>
    public const Profile PupilsReachableBy = Profile.Teacher | Profile.Head | Profile.SchoolLifeStaff | Profile.AfterSchoolStaff;

    private const Profile SchoolTeam = Profile.Teacher | Profile.Head | Profile.SchoolLifeStaff | Profile.AfterSchoolStaff;

    private const Profile Adults = SchoolTeam | Profile.Guardian | Profile.MunicipalAgent | Profile.ItTechnician | Profile.ElectedOfficial | Profile.Partner | Profile.TerritoryAdmin;

    private readonly Dictionary<(Profile Sender, Profile Recipient), Reach> _cells;

    private RuleMatrix(Dictionary<(Profile, Profile), Reach> cells) => _cells = cells;

    /// <summary>The safe defaults of DESIGN.md and issue 4.</summary>
    public static RuleMatrix Defaults { get; } = new(Profiles.SelectMany(s => Profiles.Select(r => (s, r))).ToDictionary(p => p, p => Default(p.s, p.r)));

    /// <summary>The defaults with a territory's choices applied, each clamped to what <see cref="OptionsFor"/> allows.</summary>
    public static RuleMatrix From(IEnumerable<CommunicationRule> rules)
    {
        var cells = new Dictionary<(Profile, Profile), Reach>(Defaults._cells);
        foreach (var rule in rules)
        {
            if (cells.ContainsKey((rule.SenderProfile, rule.RecipientProfile)))
            {
                cells[(rule.SenderProfile, rule.RecipientProfile)] = Clamp(rule.SenderProfile, rule.RecipientProfile, rule.Reach);
            }
        }

        return new RuleMatrix(cells);
    }

    /// <summary>How close a recipient of <paramref name="recipient"/> profile must be to a sender of <paramref name="sender"/> profile.</summary>
    public Reach this[Profile sender, Profile recipient] => _cells.GetValueOrDefault((sender, recipient), Reach.None);

    /// <summary>
    /// The reaches a territory may choose for a cell. Pupils: only school staff (up to their school) and
    /// classmates (their class, and only where the teacher opened it) — nobody writes to an unrelated minor.
    /// </summary>
    public static IReadOnlyList<Reach> OptionsFor(Profile sender, Profile recipient) => (sender, recipient) switch
    {
        (Profile.Pupil, Profile.Pupil) => [Reach.None, Reach.Class],
        (_, Profile.Pupil) when (sender & PupilsReachableBy) != Profile.None => [Reach.None, Reach.Class, Reach.School],
        (_, Profile.Pupil) => [Reach.None],
        // A pupil writes only inside the school: never to the whole territory.
        (Profile.Pupil, _) => [Reach.None, Reach.Class, Reach.School],
        _ => [Reach.None, Reach.Class, Reach.School, Reach.Territory],
    };

    private static Reach Clamp(Profile sender, Profile recipient, Reach wanted)
    {
        var options = OptionsFor(sender, recipient);
        return options.Contains(wanted) ? wanted : options.Where(o => o <= wanted).DefaultIfEmpty(Reach.None).Max();
    }

    /// <summary>The default reach of a cell.</summary>
    public static Reach Default(Profile sender, Profile recipient)
    {
        var isTeam = (recipient & SchoolTeam) != Profile.None;
        return sender switch
        {
            // A pupil writes to the staff of the pupil's school, and to the class where the teacher allows it.
            Profile.Pupil when recipient == Profile.Pupil => Reach.Class,
            Profile.Pupil => isTeam ? Reach.School : Reach.None,
            // A guardian writes to the child's teachers, the school's head, school life and after-school staff, and the town.
            Profile.Guardian when recipient == Profile.Teacher => Reach.Class,
            Profile.Guardian when recipient is Profile.Head or Profile.SchoolLifeStaff or Profile.AfterSchoolStaff => Reach.School,
            Profile.Guardian when recipient == Profile.MunicipalAgent => Reach.Territory,
            Profile.Guardian => Reach.None,
            // School staff write to their school's community, heads to one another, everyone to the town's services.
            Profile.Teacher or Profile.Head or Profile.SchoolLifeStaff or Profile.AfterSchoolStaff when recipient is Profile.Pupil or Profile.Guardian => Reach.School,
            Profile.Head when recipient is Profile.Head or Profile.ElectedOfficial or Profile.TerritoryAdmin => Reach.Territory,
            Profile.Teacher or Profile.Head or Profile.SchoolLifeStaff or Profile.AfterSchoolStaff when isTeam || recipient == Profile.ItTechnician => Reach.School,
            Profile.Teacher or Profile.Head or Profile.SchoolLifeStaff or Profile.AfterSchoolStaff when recipient == Profile.MunicipalAgent => Reach.Territory,
            // The town's services reach every adult of the territory; never a pupil directly.
            Profile.MunicipalAgent or Profile.TerritoryAdmin when (recipient & Adults) != Profile.None => Reach.Territory,
            Profile.ItTechnician when isTeam => Reach.School,
            Profile.ItTechnician when recipient is Profile.ItTechnician or Profile.MunicipalAgent or Profile.TerritoryAdmin => Reach.Territory,
            Profile.ElectedOfficial when recipient is Profile.Head or Profile.MunicipalAgent or Profile.ElectedOfficial or Profile.TerritoryAdmin => Reach.Territory,
            Profile.Partner when recipient is Profile.MunicipalAgent => Reach.Territory,
            _ => Reach.None,
        };
    }
}

/// <summary>The decision: may this account write to that one, under a territory's matrix.</summary>
internal static class CommunicationRules
{
    /// <summary>
    /// Whether <paramref name="sender"/> may start a conversation with <paramref name="recipient"/>: some profile
    /// of the sender and some profile of the recipient must be close enough for their cell of the matrix.
    /// Pupils are reached only by people of their school, and by classmates only in classes listed in
    /// <paramref name="classesOpenToPupils"/> (the teacher opened pupil messaging there).
    /// </summary>
    public static bool MayWrite(RuleMatrix matrix, AccountPlacement sender, AccountPlacement recipient, IReadOnlySet<Guid> classesOpenToPupils)
    {
        if (sender.AccountId == recipient.AccountId || !sender.IsActive || !recipient.IsActive)
        {
            return false;
        }

        foreach (var senderRole in RolesOf(sender))
        {
            foreach (var recipientRole in RolesOf(recipient))
            {
                var reach = matrix[senderRole, recipientRole];
                if (reach == Reach.None)
                {
                    continue;
                }

                var (senderGroups, senderSchools) = PlaceOf(sender, senderRole);
                var (recipientGroups, recipientSchools) = PlaceOf(recipient, recipientRole);
                var sharedGroups = senderGroups.Intersect(recipientGroups).ToList();
                var closeness = sharedGroups.Count > 0 ? Reach.Class : senderSchools.Intersect(recipientSchools).Any() ? Reach.School : Reach.Territory;
                if (closeness > reach)
                {
                    continue;
                }

                if (recipientRole == Profile.Pupil && closeness == Reach.Territory)
                {
                    // Never an unrelated minor, whatever the matrix says.
                    continue;
                }

                if (senderRole == Profile.Pupil && recipientRole == Profile.Pupil && !sharedGroups.Any(classesOpenToPupils.Contains))
                {
                    continue;
                }

                return true;
            }
        }

        return false;
    }

    /// <summary>The matrix profiles an account holds.</summary>
    public static IEnumerable<Profile> RolesOf(AccountPlacement account) => RuleMatrix.Profiles.Where(p => (account.Profiles & p) != Profile.None);

    /// <summary>The classes and schools an account stands in when it acts with one profile (a teacher who is also a parent is two people).</summary>
    public static (IReadOnlyCollection<Guid> Groups, IReadOnlyCollection<Guid> Schools) PlaceOf(AccountPlacement account, Profile role) => role switch
    {
        Profile.Pupil => (account.PupilGroups.Keys.ToList(), account.PupilGroups.Values.Distinct().ToList()),
        Profile.Guardian => (account.ChildGroups.Keys.ToList(), account.ChildGroups.Values.Distinct().ToList()),
        Profile.Teacher => (account.TaughtGroups.Keys.ToList(), account.TaughtGroups.Values.Concat(SchoolsAs(account, role)).Distinct().ToList()),
        Profile.Head or Profile.SchoolLifeStaff or Profile.AfterSchoolStaff or Profile.ItTechnician => ([], SchoolsAs(account, role).ToList()),
        _ => ([], []),
    };

    private static IEnumerable<Guid> SchoolsAs(AccountPlacement account, Profile role) =>
        account.StaffSchools.Where(s => (s.Value & role) != Profile.None).Select(s => s.Key);
}
