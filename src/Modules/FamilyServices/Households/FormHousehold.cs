using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.Identity.Contracts;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Households;

/// <summary>What a guardian declares at their first visit: who lives with them, where, and their phone.</summary>
internal sealed record HouseholdProposal(IReadOnlyList<Guid> ChildIds, IReadOnlyList<Guid> CoGuardianIds, AddressInput Address, string? MobilePhone);

/// <summary>
/// Forms households outside the roster import: a guardian proposes theirs at the first visit (the agent
/// confirms it), or a guardian moves out of a shared household into their own (separated parents: the
/// children then belong to both). A guardian lives in one household at most; a child in two at most.
/// </summary>
internal sealed class FormHousehold(FamilyServicesDbContext db, IStructureDirectory directory, HouseholdHistory history, TimeProvider clock)
{
    /// <summary>A guardian proposes their household with the children and co-guardians they choose among their own.</summary>
    public async Task<(Guid? HouseholdId, IReadOnlyList<FormProblem> Problems)> ProposeAsync(AccountRelations actor, HouseholdProposal proposal, CancellationToken cancellationToken)
    {
        var problems = UpdateHouseholdContacts.CheckAddress(proposal.Address);
        var mobile = UpdateHouseholdContacts.CheckPhone(problems, nameof(HouseholdProposal.MobilePhone), proposal.MobilePhone);
        var childIds = proposal.ChildIds.Distinct().ToList();
        var coGuardianIds = proposal.CoGuardianIds.Distinct().Where(id => id != actor.AccountId).ToList();
        if (childIds.Count == 0)
        {
            problems.Add(new FormProblem(nameof(HouseholdProposal.ChildIds), Fr("Choisissez au moins un enfant qui vit avec vous.")));
        }
        else if (childIds.Any(id => !actor.IsGuardianOf(id)))
        {
            problems.Add(new FormProblem(nameof(HouseholdProposal.ChildIds), Fr("Choisissez vos enfants dans la liste.")));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var possibleCoGuardians = (await directory.ListGuardiansOfPupilsAsync(childIds, cancellationToken)).Select(g => g.GuardianId).ToHashSet();
        if (coGuardianIds.Any(id => !possibleCoGuardians.Contains(id)))
        {
            return (null, [new FormProblem(nameof(HouseholdProposal.CoGuardianIds), Fr("Choisissez les autres responsables dans la liste."))]);
        }

        var formed = await FormAsync(actor.AccountId, [actor.AccountId, .. coGuardianIds], childIds, HouseholdStatus.Proposed, proposal.Address, cancellationToken);
        if (formed.Household is { } household && mobile is not null)
        {
            household.Members.First(m => m.PersonId == actor.AccountId).MobilePhone = mobile;
        }

        if (formed.Household is not null)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return (formed.Household?.Id, formed.Problems);
    }

    /// <summary>The agent moves a guardian out of a shared household into a new one, with the household's children.</summary>
    public async Task<(Guid? HouseholdId, IReadOnlyList<FormProblem> Problems)> SeparateAsync(Guid agentId, Guid householdId, Guid guardianId, CancellationToken cancellationToken)
    {
        var childIds = await db.HouseholdMembers.AsNoTracking()
            .Where(m => m.HouseholdId == householdId && m.Role == MemberRole.Child)
            .Select(m => m.PersonId).ToListAsync(cancellationToken);
        var formed = await FormAsync(agentId, [guardianId], childIds, HouseholdStatus.Active, new AddressInput(null, null, null), cancellationToken);
        if (formed.Household is not null)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return (formed.Household?.Id, formed.Problems);
    }

    /// <summary>The agent confirms a household a guardian proposed.</summary>
    public async Task ConfirmAsync(Guid agentId, Guid householdId, CancellationToken cancellationToken)
    {
        var household = await db.Households.FirstAsync(h => h.Id == householdId, cancellationToken);
        if (household.Status == HouseholdStatus.Proposed)
        {
            household.Status = HouseholdStatus.Active;
            history.Record(household.Id, HouseholdChangeKind.Confirmed, agentId);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Creates the household (not saved): the first guardian leaves the household they shared, if any;
    /// other guardians must not live in another household; each child keeps at most two households.
    /// </summary>
    private async Task<(Household? Household, IReadOnlyList<FormProblem> Problems)> FormAsync(
        Guid actorId, IReadOnlyList<Guid> guardianIds, IReadOnlyList<Guid> childIds, HouseholdStatus status, AddressInput address, CancellationToken cancellationToken)
    {
        var people = guardianIds.Concat(childIds).ToList();
        var memberships = await db.HouseholdMembers.Where(m => people.Contains(m.PersonId)).ToListAsync(cancellationToken);
        var names = (await directory.GetPeopleAsync(people, cancellationToken)).ToDictionary(p => p.Id);
        string NameOf(Guid id) => names.TryGetValue(id, out var person) ? person.DisplayName : "?";

        var mover = guardianIds[0];
        var left = memberships.FirstOrDefault(m => m.PersonId == mover && m.Role == MemberRole.Guardian);
        if (left is not null && !await db.HouseholdMembers.AnyAsync(m => m.HouseholdId == left.HouseholdId && m.Role == MemberRole.Guardian && m.PersonId != mover, cancellationToken))
        {
            return (null, [new FormProblem(string.Empty, Fr("{0} est le seul responsable de son foyer : modifiez ce foyer plutôt que d’en créer un autre."), NameOf(mover))]);
        }

        var problems = new List<FormProblem>();
        foreach (var other in guardianIds.Skip(1).Where(id => memberships.Any(m => m.PersonId == id && m.Role == MemberRole.Guardian)))
        {
            problems.Add(new FormProblem(nameof(HouseholdProposal.CoGuardianIds), Fr("{0} a déjà un foyer."), NameOf(other)));
        }

        foreach (var child in childIds.Where(id => memberships.Count(m => m.PersonId == id && m.Role == MemberRole.Child) >= Household.MaxHouseholdsPerChild))
        {
            problems.Add(new FormProblem(nameof(HouseholdProposal.ChildIds), Fr("{0} appartient déjà à deux foyers."), NameOf(child)));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var household = new Household
        {
            Name = $"Foyer {(names.TryGetValue(mover, out var first) ? first.LastName : string.Empty)}".Trim(),
            Status = status,
            Street = PlainText.Clean(address.Street),
            PostalCode = PlainText.Clean(address.PostalCode),
            City = PlainText.Clean(address.City),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = actorId,
        };
        foreach (var guardian in guardianIds)
        {
            household.AddMember(guardian, MemberRole.Guardian);
        }

        foreach (var child in childIds)
        {
            household.AddMember(child, MemberRole.Child);
        }

        db.Households.Add(household);
        history.Record(household.Id, HouseholdChangeKind.Created, actorId, string.Join(", ", people.Select(NameOf)));
        if (left is not null)
        {
            db.HouseholdMembers.Remove(left);
            history.Record(left.HouseholdId, HouseholdChangeKind.MemberLeft, actorId, NameOf(mover));
        }

        return (household, []);
    }
}
