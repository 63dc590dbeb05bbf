using Preau.Communication.Rules;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Localization;

namespace Preau.Communication.Messaging;

/// <summary>The kinds of group a message can go to, derived from the structures at send time.</summary>
internal enum AudienceKind
{
    /// <summary>Les responsables des élèves d'une classe.</summary>
    ClassGuardians,

    /// <summary>Les élèves d'une classe.</summary>
    ClassPupils,

    /// <summary>Les enseignants d'une classe.</summary>
    ClassTeachers,

    /// <summary>Toutes les familles d'une école.</summary>
    SchoolFamilies,

    /// <summary>Les enseignants d'une école.</summary>
    SchoolTeachers,

    /// <summary>Le personnel périscolaire d'une école.</summary>
    SchoolAfterSchool,

    /// <summary>Les services municipaux du territoire.</summary>
    MunicipalServices,
}

/// <summary>
/// A recipient as the compose form carries it: one account ("account:id") or a group
/// ("class-guardians:id", "school-families:id", "municipal"). Parsing never trusts the token: the
/// sender's offer is checked again at send time.
/// </summary>
internal readonly record struct RecipientToken(AudienceKind? Kind, Guid Id)
{
    public bool IsAccount => Kind is null;

    public static RecipientToken Account(Guid id) => new(null, id);

    public static RecipientToken Group(AudienceKind kind, Guid id) => new(kind, id);

    public override string ToString() => Kind switch
    {
        null => $"account:{Id}",
        AudienceKind.MunicipalServices => "municipal",
        { } kind => $"{Prefix(kind)}:{Id}",
    };

    public static bool TryParse(string? text, out RecipientToken token)
    {
        token = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 80)
        {
            return false;
        }

        if (text == "municipal")
        {
            token = Group(AudienceKind.MunicipalServices, Guid.Empty);
            return true;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !Guid.TryParse(text.AsSpan(colon + 1), out var id))
        {
            return false;
        }

        var prefix = text[..colon];
        if (prefix == "account")
        {
            token = Account(id);
            return true;
        }

        foreach (var kind in Enum.GetValues<AudienceKind>())
        {
            if (kind != AudienceKind.MunicipalServices && Prefix(kind) == prefix)
            {
                token = Group(kind, id);
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses a space-separated list, dropping what is not a token.</summary>
    public static IReadOnlyList<RecipientToken> ParseAll(IEnumerable<string?> texts) =>
        texts.SelectMany(t => (t ?? string.Empty).Split(' ', ',', '\n'))
            .Select(t => TryParse(t.Trim(), out var token) ? token : (RecipientToken?)null)
            .OfType<RecipientToken>()
            .Distinct()
            .ToList();

    private static string Prefix(AudienceKind kind) => kind switch
    {
        AudienceKind.ClassGuardians => "class-guardians",
        AudienceKind.ClassPupils => "class-pupils",
        AudienceKind.ClassTeachers => "class-teachers",
        AudienceKind.SchoolFamilies => "school-families",
        AudienceKind.SchoolTeachers => "school-teachers",
        AudienceKind.SchoolAfterSchool => "school-afterschool",
        _ => "municipal",
    };
}

/// <summary>A group offered to a sender.</summary>
/// <param name="Token">What the form posts.</param>
/// <param name="Template">French label with the class's or school's name as {0}: "Responsables de {0}".</param>
/// <param name="Name">The class's or school's name.</param>
/// <param name="SchoolName">The school it belongs to, to group the choices.</param>
internal sealed record OfferedAudience(RecipientToken Token, string Template, string Name, string? SchoolName)
{
    /// <summary>The label in French, as stored on the conversation for its recipients: "Responsables de CM2 B".</summary>
    public string FrenchLabel => string.Format(System.Globalization.CultureInfo.InvariantCulture, Template, Name);
}

/// <summary>
/// The groups a sender may write to, computed from the sender's place in the structures and the
/// territory's rules: the compose page offers exactly these, and sending refuses any other.
/// </summary>
internal sealed class AudienceCatalog(IStructureDirectory directory, TerritoryRules rules)
{
    /// <summary>
    /// The groups offered to <paramref name="sender"/>. Territory-wide senders (the town's services) see
    /// the groups of one school at a time: <paramref name="schoolId"/>.
    /// </summary>
    public async Task<IReadOnlyList<OfferedAudience>> OfferedToAsync(AccountPlacement sender, Guid? schoolId, CancellationToken cancellationToken)
    {
        var matrix = await rules.MatrixAsync(cancellationToken);
        var offered = new List<(RecipientToken Token, string Label, Guid? SchoolId)>();
        var classIds = new HashSet<Guid>();

        foreach (var role in CommunicationRules.RolesOf(sender))
        {
            var (groups, schools) = CommunicationRules.PlaceOf(sender, role);
            var reachesFamilies = matrix[role, Profile.Guardian];
            var reachesPupils = matrix[role, Profile.Pupil];
            if (role == Profile.Pupil && reachesPupils >= Reach.Class)
            {
                var open = await rules.OpenClassesAsync(groups, cancellationToken);
                offered.AddRange(groups.Where(open.Contains).Select(g => (RecipientToken.Group(AudienceKind.ClassPupils, g), Text.Fr("Élèves de {0}"), (Guid?)sender.PupilGroups[g])));
            }

            if (role is Profile.Pupil or Profile.Guardian && matrix[role, Profile.Teacher] >= Reach.Class)
            {
                var classes = role == Profile.Pupil ? sender.PupilGroups : sender.ChildGroups;
                offered.AddRange(classes.Select(g => (RecipientToken.Group(AudienceKind.ClassTeachers, g.Key), Text.Fr("Enseignants de {0}"), (Guid?)g.Value)));
            }

            if (role == Profile.Teacher)
            {
                foreach (var (group, school) in sender.TaughtGroups)
                {
                    if (reachesFamilies >= Reach.Class)
                    {
                        offered.Add((RecipientToken.Group(AudienceKind.ClassGuardians, group), Text.Fr("Responsables de {0}"), school));
                    }

                    if (reachesPupils >= Reach.Class)
                    {
                        offered.Add((RecipientToken.Group(AudienceKind.ClassPupils, group), Text.Fr("Élèves de {0}"), school));
                    }
                }
            }

            if ((role & (Profiles.SchoolStaff | Profile.ItTechnician)) != Profile.None)
            {
                foreach (var school in schools)
                {
                    AddSchoolGroups(offered, matrix, role, school, atLeast: Reach.School);
                }

                // Heads and school-life staff address any class of their school.
                if (role is Profile.Head or Profile.SchoolLifeStaff && reachesFamilies >= Reach.School)
                {
                    foreach (var school in schools)
                    {
                        foreach (var group in await directory.ListClassGroupsOfSchoolAsync(school, cancellationToken))
                        {
                            offered.Add((RecipientToken.Group(AudienceKind.ClassGuardians, group.Id), Text.Fr("Responsables de {0}"), school));
                        }
                    }
                }
            }

            if (matrix[role, Profile.Guardian] == Reach.Territory && schoolId is { } chosen)
            {
                AddSchoolGroups(offered, matrix, role, chosen, atLeast: Reach.Territory);
            }

            if (matrix[role, Profile.MunicipalAgent] == Reach.Territory)
            {
                offered.Add((RecipientToken.Group(AudienceKind.MunicipalServices, Guid.Empty), Text.Fr("Services municipaux"), null));
            }
        }

        var distinct = offered.DistinctBy(o => o.Token).ToList();
        classIds.UnionWith(distinct.Where(o => o.Token.Kind is AudienceKind.ClassGuardians or AudienceKind.ClassPupils or AudienceKind.ClassTeachers).Select(o => o.Token.Id));
        var classNames = (await directory.GetClassGroupsAsync(classIds, cancellationToken)).ToDictionary(c => c.Id, c => c.Name);
        var schoolNames = (await directory.GetSchoolsAsync(distinct.Select(o => o.SchoolId).OfType<Guid>(), cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
        return distinct
            .Select(o => new OfferedAudience(
                o.Token,
                o.Label,
                classNames.GetValueOrDefault(o.Token.Id) ?? schoolNames.GetValueOrDefault(o.Token.Id) ?? string.Empty,
                o.SchoolId is { } s ? schoolNames.GetValueOrDefault(s) : null))
            .Where(o => o.Token.Kind == AudienceKind.MunicipalServices || o.Name.Length > 0)
            .ToList();
    }

    private static void AddSchoolGroups(List<(RecipientToken, string, Guid?)> offered, RuleMatrix matrix, Profile role, Guid school, Reach atLeast)
    {
        if (matrix[role, Profile.Guardian] >= atLeast)
        {
            offered.Add((RecipientToken.Group(AudienceKind.SchoolFamilies, school), Text.Fr("Toutes les familles de {0}"), school));
        }

        if (matrix[role, Profile.Teacher] >= atLeast)
        {
            offered.Add((RecipientToken.Group(AudienceKind.SchoolTeachers, school), Text.Fr("Enseignants de {0}"), school));
        }

        if (matrix[role, Profile.AfterSchoolStaff] >= atLeast)
        {
            offered.Add((RecipientToken.Group(AudienceKind.SchoolAfterSchool, school), Text.Fr("Personnel périscolaire de {0}"), school));
        }
    }

    /// <summary>The accounts of a group now (active accounts only), and whether pupils are among them.</summary>
    public async Task<(IReadOnlyList<Guid> AccountIds, bool HasPupils)> ResolveAsync(RecipientToken token, CancellationToken cancellationToken)
    {
        switch (token.Kind)
        {
            case AudienceKind.ClassGuardians:
                return (await directory.ListGuardianIdsOfGroupAsync(token.Id, cancellationToken), false);
            case AudienceKind.SchoolFamilies:
                return (await directory.ListGuardianIdsOfSchoolAsync(token.Id, cancellationToken), false);
            case AudienceKind.ClassPupils:
                return ((await directory.ListPupilsOfGroupAsync(token.Id, cancellationToken)).Select(p => p.Id).ToList(), true);
            case AudienceKind.ClassTeachers:
                return ((await directory.ListTeachersOfGroupAsync(token.Id, cancellationToken)).Select(p => p.Id).ToList(), false);
            case AudienceKind.SchoolTeachers:
                return ((await directory.ListStaffOfSchoolAsync(token.Id, Profile.Teacher, cancellationToken)).Select(s => s.AccountId).Distinct().ToList(), false);
            case AudienceKind.SchoolAfterSchool:
                return ((await directory.ListStaffOfSchoolAsync(token.Id, Profile.AfterSchoolStaff, cancellationToken)).Select(s => s.AccountId).Distinct().ToList(), false);
            case AudienceKind.MunicipalServices:
                return ((await directory.ListAccountsWithProfileAsync(Profile.MunicipalAgent, cancellationToken)).Select(p => p.Id).ToList(), false);
            default:
                return ([token.Id], false);
        }
    }
}
