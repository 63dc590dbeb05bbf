using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;

namespace Preau.FamilyServices.QuotientFamilial;

/// <summary>A household as the quotient, tariffs and enrolment see it: its id, a name, its guardians and children.</summary>
internal sealed record HouseholdSummary(Guid Id, string Name, IReadOnlyList<Guid> GuardianIds, IReadOnlyList<Guid> ChildIds);

/// <summary>
/// The little the quotient familial needs to know about households (<see cref="Household"/>): the
/// households of a guardian, a household by id, a search by name. The quotient, tariffs and invoicing
/// depend on households only through these three questions.
/// </summary>
internal interface IHouseholdDirectory
{
    /// <summary>The households the account is a guardian in.</summary>
    Task<IReadOnlyList<HouseholdSummary>> OfGuardianAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>A household of the current territory, or null.</summary>
    Task<HouseholdSummary?> FindAsync(Guid householdId, CancellationToken cancellationToken);

    /// <summary>Households whose name contains the text (for the agent's search), at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<HouseholdSummary>> SearchAsync(string name, int max, CancellationToken cancellationToken);

    /// <summary>The names of these households (one query, for a page of quotients).</summary>
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> householdIds, CancellationToken cancellationToken);
}

/// <summary><see cref="IHouseholdDirectory"/> over the households and their members (territory-filtered).</summary>
internal sealed class HouseholdDirectory(FamilyServicesDbContext db) : IHouseholdDirectory
{
    public async Task<IReadOnlyList<HouseholdSummary>> OfGuardianAsync(Guid accountId, CancellationToken cancellationToken) =>
        await SummariesAsync(db.Households.Where(h => h.Members.Any(m => m.PersonId == accountId && m.Role == MemberRole.Guardian)), int.MaxValue, cancellationToken);

    public async Task<HouseholdSummary?> FindAsync(Guid householdId, CancellationToken cancellationToken) =>
        await SummariesAsync(db.Households.Where(h => h.Id == householdId), 1, cancellationToken) is [var household] ? household : null;

    public async Task<IReadOnlyList<HouseholdSummary>> SearchAsync(string name, int max, CancellationToken cancellationToken)
    {
        // LIKE's wildcards typed by the agent are dropped, as on the households' own search page.
        var pattern = $"%{name.Trim().Replace("%", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal)}%";
        return await SummariesAsync(db.Households.Where(h => EF.Functions.Like(h.Name, pattern)), max, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> householdIds, CancellationToken cancellationToken) =>
        await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Name, cancellationToken);

    private static async Task<IReadOnlyList<HouseholdSummary>> SummariesAsync(IQueryable<Household> query, int max, CancellationToken cancellationToken) =>
        (await query.AsNoTracking().Include(h => h.Members).OrderBy(h => h.Name).ThenBy(h => h.Id).Take(max).ToListAsync(cancellationToken))
            .Select(h => new HouseholdSummary(h.Id, h.Name, h.GuardianIds.ToList(), h.ChildIds.ToList()))
            .ToList();
}
