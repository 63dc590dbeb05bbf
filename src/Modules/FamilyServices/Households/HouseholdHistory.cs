using Preau.FamilyServices.Data;

namespace Preau.FamilyServices.Households;

/// <summary>Writes a household's history in the caller's unit of work (saved with the change it describes).</summary>
internal sealed class HouseholdHistory(FamilyServicesDbContext db, TimeProvider clock)
{
    public void Record(Guid householdId, HouseholdChangeKind kind, Guid? actorId, string? detail = null)
    {
        db.HouseholdChanges.Add(new HouseholdChange
        {
            HouseholdId = householdId,
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = actorId,
            Kind = kind,
            Detail = detail is { Length: > HouseholdChange.MaxDetailLength } ? detail[..HouseholdChange.MaxDetailLength] : detail,
        });
    }

    public void Record(IEnumerable<Guid> householdIds, HouseholdChangeKind kind, Guid? actorId, string? detail = null)
    {
        foreach (var id in householdIds.Distinct())
        {
            Record(id, kind, actorId, detail);
        }
    }
}
