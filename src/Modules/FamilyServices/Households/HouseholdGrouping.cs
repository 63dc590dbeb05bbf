namespace Preau.FamilyServices.Households;

/// <summary>
/// Groups the roster's guardian–pupil links into households: guardians who share a child, and their
/// children, form one household (connected components of the links). The roster does not say who lives
/// with whom: separated parents start in one household and one of them moves out into their own
/// (a guardian's proposal, or the agent), the child then belonging to both.
/// </summary>
internal static class HouseholdGrouping
{
    public sealed record Group(IReadOnlyList<Guid> GuardianIds, IReadOnlyList<Guid> ChildIds);

    /// <summary>The groups, in a stable order (by their first guardian's id).</summary>
    public static IReadOnlyList<Group> Of(IEnumerable<(Guid GuardianId, Guid PupilId)> links)
    {
        var parent = new Dictionary<Guid, Guid>();
        Guid Find(Guid x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        var guardians = new HashSet<Guid>();
        var pupils = new HashSet<Guid>();
        foreach (var (guardian, pupil) in links)
        {
            guardians.Add(guardian);
            pupils.Add(pupil);
            parent.TryAdd(guardian, guardian);
            parent.TryAdd(pupil, pupil);
            var (a, b) = (Find(guardian), Find(pupil));
            if (a != b)
            {
                parent[a] = b;
            }
        }

        return parent.Keys.GroupBy(Find)
            .Select(g => new Group(g.Where(guardians.Contains).Order().ToList(), g.Where(pupils.Contains).Order().ToList()))
            .OrderBy(g => g.GuardianIds[0])
            .ToList();
    }
}
