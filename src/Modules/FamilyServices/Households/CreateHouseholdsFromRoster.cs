using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.Identity.Contracts;

namespace Preau.FamilyServices.Households;

/// <summary>
/// The town's agent creates the households of a school from the rosters (guardians and their children,
/// from Identity): one household per group of guardians sharing children (<see cref="HouseholdGrouping"/>).
/// Running it again only adds what is new: a pupil without a household joins the households of their
/// guardians; people already placed are left where they are.
/// </summary>
internal sealed class CreateHouseholdsFromRoster(FamilyServicesDbContext db, IStructureDirectory directory, HouseholdHistory history, TimeProvider clock)
{
    public sealed record Result(int HouseholdsCreated, int ChildrenAdded);

    public async Task<Result> HandleAsync(Guid agentId, Guid schoolId, CancellationToken cancellationToken)
    {
        var pupils = await directory.ListPupilsOfSchoolAsync(schoolId, cancellationToken);
        var guardians = await directory.ListGuardiansOfPupilsAsync(pupils.Select(p => p.Id), cancellationToken);
        var households = Plan(guardians, await MembershipsAsync(guardians, cancellationToken), agentId, clock.GetUtcNow().UtcDateTime, out var added);
        db.Households.AddRange(households);
        foreach (var household in households)
        {
            history.Record(household.Id, HouseholdChangeKind.Created, agentId);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new Result(households.Count, added.Select(m => m.PersonId).Distinct().Count());
    }

    /// <summary>The memberships already recorded for the people of these links.</summary>
    public async Task<List<HouseholdMember>> MembershipsAsync(IReadOnlyList<GuardianInfo> guardians, CancellationToken cancellationToken)
    {
        var people = guardians.Select(g => g.GuardianId).Concat(guardians.Select(g => g.PupilId)).Distinct().ToList();
        var memberships = new List<HouseholdMember>();
        foreach (var chunk in people.Chunk(1000))
        {
            memberships.AddRange(await db.HouseholdMembers.Where(m => chunk.Contains(m.PersonId)).ToListAsync(cancellationToken));
        }

        return memberships;
    }

    /// <summary>
    /// The households to create for these links, given the memberships that exist (tracked: children
    /// without a household are added to those of their guardians, in <paramref name="added"/>).
    /// Used by the agent's page and by the synthetic territory.
    /// </summary>
    public List<Household> Plan(IReadOnlyList<GuardianInfo> guardians, List<HouseholdMember> memberships, Guid? creatorId, DateTime now, out List<HouseholdMember> added)
    {
        var households = new List<Household>();
        added = [];
        var placed = memberships.GroupBy(m => m.PersonId).ToDictionary(g => g.Key, g => g.ToList());
        var lastNames = guardians.GroupBy(g => g.GuardianId).ToDictionary(g => g.Key, g => g.First().LastName);
        foreach (var group in HouseholdGrouping.Of(guardians.Select(g => (g.GuardianId, g.PupilId))))
        {
            var existing = group.GuardianIds.SelectMany(id => placed.GetValueOrDefault(id) ?? []).Where(m => m.Role == MemberRole.Guardian).Select(m => m.HouseholdId).Distinct().ToList();
            if (existing.Count == 0)
            {
                var household = new Household { Name = $"Foyer {lastNames[group.GuardianIds[0]]}", Status = HouseholdStatus.Active, CreatedAt = now, CreatedBy = creatorId };
                foreach (var guardian in group.GuardianIds)
                {
                    household.AddMember(guardian, MemberRole.Guardian);
                }

                foreach (var child in group.ChildIds.Where(c => !placed.ContainsKey(c)))
                {
                    household.AddMember(child, MemberRole.Child);
                }

                households.Add(household);
                continue;
            }

            // A new pupil of guardians already placed joins their households (two at most).
            foreach (var child in group.ChildIds.Where(c => !placed.ContainsKey(c)))
            {
                var guardiansOfChild = guardians.Where(g => g.PupilId == child).Select(g => g.GuardianId).ToHashSet();
                var target = group.GuardianIds.Where(guardiansOfChild.Contains)
                    .SelectMany(id => placed.GetValueOrDefault(id) ?? []).Where(m => m.Role == MemberRole.Guardian)
                    .Select(m => m.HouseholdId).Distinct().Take(Household.MaxHouseholdsPerChild);
                foreach (var householdId in target)
                {
                    var member = new HouseholdMember { HouseholdId = householdId, PersonId = child, Role = MemberRole.Child };
                    db.HouseholdMembers.Add(member);
                    added.Add(member);
                    history.Record(householdId, HouseholdChangeKind.MemberAdded, creatorId);
                }
            }
        }

        return households;
    }
}
