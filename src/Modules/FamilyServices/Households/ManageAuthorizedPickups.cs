using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Households;

/// <summary>A person allowed to pick a child up, as typed.</summary>
internal sealed record PickupInput(Guid ChildId, string? Name, string? Phone, string? Relation);

/// <summary>
/// The household says who may pick each child up (besides its guardians). The staff see the list on
/// their attendance sheet and check an identity document against it.
/// </summary>
internal sealed class ManageAuthorizedPickups(FamilyServicesDbContext db, HouseholdHistory history, TimeProvider clock)
{
    public const int MaxPerChild = 10;

    public async Task<IReadOnlyList<FormProblem>> AddAsync(HouseholdResource household, Guid actorId, PickupInput input, CancellationToken cancellationToken)
    {
        var problems = new List<FormProblem>();
        if (!household.ChildIds.Contains(input.ChildId))
        {
            problems.Add(new FormProblem(nameof(PickupInput.ChildId), Fr("Choisissez un enfant du foyer.")));
        }

        problems.CheckText(nameof(PickupInput.Name), input.Name, 100, required: true);
        problems.CheckText(nameof(PickupInput.Relation), input.Relation, 60, required: true);
        var phone = string.IsNullOrWhiteSpace(input.Phone)
            ? null
            : UpdateHouseholdContacts.CheckPhone(problems, nameof(PickupInput.Phone), input.Phone);
        if (string.IsNullOrWhiteSpace(input.Phone))
        {
            problems.Add(new FormProblem(nameof(PickupInput.Phone), Fr("Indiquez un numéro de téléphone pour joindre cette personne.")));
        }

        if (problems.Count == 0 && await db.AuthorizedPickups.CountAsync(p => p.HouseholdId == household.Id && p.ChildId == input.ChildId, cancellationToken) >= MaxPerChild)
        {
            problems.Add(new FormProblem(string.Empty, Fr("Un enfant peut avoir au plus {0} personnes autorisées : retirez-en une d’abord."), MaxPerChild));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var pickup = new AuthorizedPickup
        {
            HouseholdId = household.Id,
            ChildId = input.ChildId,
            Name = PlainText.Clean(input.Name)!,
            Phone = phone!,
            Relation = PlainText.Clean(input.Relation)!,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.AuthorizedPickups.Add(pickup);
        history.Record(household.Id, HouseholdChangeKind.PickupAdded, actorId, $"{pickup.Name} ({pickup.Relation})");
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>Removes a person; false when it is not one of this household's.</summary>
    public async Task<bool> RemoveAsync(HouseholdResource household, Guid actorId, Guid pickupId, CancellationToken cancellationToken)
    {
        var pickup = await db.AuthorizedPickups.FirstOrDefaultAsync(p => p.Id == pickupId && p.HouseholdId == household.Id, cancellationToken);
        if (pickup is null)
        {
            return false;
        }

        db.AuthorizedPickups.Remove(pickup);
        history.Record(household.Id, HouseholdChangeKind.PickupRemoved, actorId, $"{pickup.Name} ({pickup.Relation})");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
