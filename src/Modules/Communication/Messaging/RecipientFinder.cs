using Preau.Communication.Rules;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Localization;

namespace Preau.Communication.Messaging;

/// <summary>A person the sender may write to, with what they are ("enseignante", "responsable").</summary>
/// <param name="AccountId">The account.</param>
/// <param name="DisplayName">"Prénom Nom".</param>
/// <param name="Roles">French names of their profiles.</param>
internal sealed record Reachable(Guid AccountId, string DisplayName, IReadOnlyList<string> Roles);

/// <summary>
/// The people a sender may write to, by the territory's rules: suggested from the structures (the
/// child's teachers, the school's team, the town's services) or found by name, and checked one by one
/// at send time so that a forged account id is refused.
/// </summary>
internal sealed class RecipientFinder(IStructureDirectory directory, TerritoryRules rules)
{
    private const int SearchLimit = 40;

    /// <summary>The French name of each profile, shown next to a recipient.</summary>
    public static string RoleName(Profile profile) => profile switch
    {
        Profile.Pupil => Text.Fr("élève"),
        Profile.Guardian => Text.Fr("responsable légal"),
        Profile.Teacher => Text.Fr("enseignant"),
        Profile.Head => Text.Fr("direction"),
        Profile.SchoolLifeStaff => Text.Fr("vie scolaire"),
        Profile.AfterSchoolStaff => Text.Fr("périscolaire"),
        Profile.MunicipalAgent => Text.Fr("service municipal"),
        Profile.ItTechnician => Text.Fr("technicien informatique"),
        Profile.ElectedOfficial => Text.Fr("élu"),
        Profile.Partner => Text.Fr("partenaire"),
        Profile.TerritoryAdmin => Text.Fr("administration du territoire"),
        _ => Text.Fr("compte"),
    };

    /// <summary>Those the sender most likely writes to, from the structures, within the rules.</summary>
    public async Task<IReadOnlyList<Reachable>> SuggestAsync(AccountPlacement sender, CancellationToken cancellationToken)
    {
        var candidates = new HashSet<Guid>();
        var groups = sender.PupilGroups.Keys.Concat(sender.ChildGroups.Keys).Concat(sender.TaughtGroups.Keys).Distinct().Take(30).ToList();
        foreach (var group in groups)
        {
            candidates.UnionWith((await directory.ListTeachersOfGroupAsync(group, cancellationToken)).Select(t => t.Id));
        }

        var schools = sender.PupilGroups.Values.Concat(sender.ChildGroups.Values).Concat(sender.StaffSchools.Keys).Distinct().Take(10).ToList();
        foreach (var school in schools)
        {
            var staff = await directory.ListStaffOfSchoolAsync(school, cancellationToken: cancellationToken);
            // Families see the school's team but not every teacher of it; staff see all their colleagues.
            candidates.UnionWith(staff.Where(s => sender.StaffSchools.ContainsKey(school) || s.Profile != Profile.Teacher).Select(s => s.AccountId));
        }

        if (sender.StaffSchools.Count == 0 && sender.PupilGroups.Count == 0 && sender.ChildGroups.Count == 0)
        {
            // The town's services and the territory's administration: their colleagues and the heads of schools.
            candidates.UnionWith((await directory.ListAccountsWithProfileAsync(Profile.MunicipalAgent | Profile.ElectedOfficial | Profile.TerritoryAdmin | Profile.Head, cancellationToken)).Take(200).Select(p => p.Id));
        }
        else
        {
            candidates.UnionWith((await directory.ListAccountsWithProfileAsync(Profile.MunicipalAgent, cancellationToken)).Take(50).Select(p => p.Id));
        }

        return await FilterAsync(sender, candidates, cancellationToken);
    }

    /// <summary>People whose name contains the text, within the rules.</summary>
    public async Task<IReadOnlyList<Reachable>> SearchAsync(AccountPlacement sender, string text, CancellationToken cancellationToken)
    {
        var matrix = await rules.MatrixAsync(cancellationToken);
        var reachableProfiles = CommunicationRules.RolesOf(sender)
            .SelectMany(role => RuleMatrix.Profiles.Where(p => matrix[role, p] != Reach.None))
            .Aggregate(Profile.None, (all, p) => all | p);
        if (reachableProfiles == Profile.None || text.Trim().Length < 2)
        {
            return [];
        }

        var found = await directory.SearchAccountsAsync(text.Trim(), reachableProfiles, SearchLimit * 3, cancellationToken);
        return (await FilterAsync(sender, found.Select(f => f.Id), cancellationToken)).Take(SearchLimit).ToList();
    }

    /// <summary>Of <paramref name="accountIds"/>, those the sender may write to.</summary>
    public async Task<IReadOnlyList<Reachable>> FilterAsync(AccountPlacement sender, IEnumerable<Guid> accountIds, CancellationToken cancellationToken)
    {
        var ids = accountIds.Where(id => id != sender.AccountId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var matrix = await rules.MatrixAsync(cancellationToken);
        var placements = await directory.GetPlacementsAsync(ids, cancellationToken);
        var open = await rules.OpenClassesAsync(sender.PupilGroups.Keys, cancellationToken);
        var allowed = placements.Where(p => CommunicationRules.MayWrite(matrix, sender, p, open)).ToList();
        var names = (await directory.GetPeopleAsync(allowed.Select(a => a.AccountId), cancellationToken)).ToDictionary(p => p.Id);
        return allowed
            .Where(a => names.ContainsKey(a.AccountId))
            .Select(a => new Reachable(a.AccountId, names[a.AccountId].DisplayName, CommunicationRules.RolesOf(a).Select(RoleName).ToList()))
            .OrderBy(r => names[r.AccountId].LastName, StringComparer.CurrentCulture).ThenBy(r => r.DisplayName, StringComparer.CurrentCulture)
            .ToList();
    }
}
