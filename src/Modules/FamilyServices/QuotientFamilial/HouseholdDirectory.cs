using Preau.Identity.Contracts;

namespace Preau.FamilyServices.QuotientFamilial;

/// <summary>A household as the quotient, tariffs and enrolment see it: its id, a name, its guardians and children.</summary>
internal sealed record HouseholdSummary(Guid Id, string Name, IReadOnlyList<Guid> GuardianIds, IReadOnlyList<Guid> ChildIds);

/// <summary>
/// The little the quotient familial needs to know about households, which the Households capability
/// owns: the households of a guardian, and a household by id. A seam, so that the quotient, tariffs and
/// invoicing depend on households only through these three questions.
/// </summary>
internal interface IHouseholdDirectory
{
    /// <summary>The households the account is a guardian in.</summary>
    Task<IReadOnlyList<HouseholdSummary>> OfGuardianAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>A household of the current territory, or null.</summary>
    Task<HouseholdSummary?> FindAsync(Guid householdId, CancellationToken cancellationToken);

    /// <summary>Households whose name contains the text (for the agent's search), at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<HouseholdSummary>> SearchAsync(string name, int max, CancellationToken cancellationToken);
}

/// <summary>
/// PROVISIONAL, until the Households capability (branch family-a) is merged and implements
/// <see cref="IHouseholdDirectory"/> over its own Household entity: a household is derived from the
/// guardian links of Identity — the guardians who share a child, identified by the smallest of their
/// account ids. It ignores separated parents with two households, which the real entity models.
/// </summary>
internal sealed class GuardianLinkHouseholds(IAccountRelations relations, IStructureDirectory directory) : IHouseholdDirectory
{
    public async Task<IReadOnlyList<HouseholdSummary>> OfGuardianAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var children = (await relations.ForAccountAsync(accountId, cancellationToken)).Children.Keys.ToList();
        if (children.Count == 0)
        {
            return [];
        }

        var guardians = (await directory.ListGuardiansOfPupilsAsync(children, cancellationToken)).Select(g => g.GuardianId).Append(accountId).Distinct().Order().ToList();
        var people = await directory.GetPeopleAsync([guardians[0]], cancellationToken);
        var name = people.Count > 0 ? "Famille " + people[0].LastName : "Famille";
        return [new HouseholdSummary(guardians[0], name, guardians, children)];
    }

    public async Task<HouseholdSummary?> FindAsync(Guid householdId, CancellationToken cancellationToken)
    {
        var households = await OfGuardianAsync(householdId, cancellationToken);
        return households.FirstOrDefault(h => h.Id == householdId);
    }

    public async Task<IReadOnlyList<HouseholdSummary>> SearchAsync(string name, int max, CancellationToken cancellationToken)
    {
        var guardians = await directory.ListAccountsWithProfileAsync(Platform.Authorization.Profile.Guardian, cancellationToken);
        var found = new List<HouseholdSummary>();
        foreach (var guardian in guardians.Where(g => g.DisplayName.Contains(name.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            if (found.Count >= max)
            {
                break;
            }

            foreach (var household in await OfGuardianAsync(guardian.Id, cancellationToken))
            {
                if (found.All(h => h.Id != household.Id))
                {
                    found.Add(household);
                }
            }
        }

        return found;
    }
}
