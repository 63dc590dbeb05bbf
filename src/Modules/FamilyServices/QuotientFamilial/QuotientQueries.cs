using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.Platform.Web;

namespace Preau.FamilyServices.QuotientFamilial;

/// <summary>Reads quotients: a household's history, the one in force on a day, the agent's queue.</summary>
internal sealed class QuotientQueries(FamilyServicesDbContext db)
{
    public const int PageSize = 30;

    public async Task<IReadOnlyList<QuotientFamilialRecord>> HistoryAsync(Guid householdId, CancellationToken cancellationToken) =>
        await db.QuotientRecords.AsNoTracking().Where(r => r.HouseholdId == householdId)
            .OrderByDescending(r => r.ValidFrom).ThenByDescending(r => r.SubmittedAt).Take(100).ToListAsync(cancellationToken);

    /// <summary>The validated quotient of a household in force on a day (<see cref="QuotientFamilialRecord.InForce"/>), or null.</summary>
    public async Task<QuotientFamilialRecord?> InForceAsync(Guid householdId, DateOnly day, CancellationToken cancellationToken)
    {
        var candidates = await db.QuotientRecords.AsNoTracking()
            .Where(r => r.HouseholdId == householdId && r.Status == QuotientStatus.Validated && r.ValidFrom <= day && r.ValidUntil >= day)
            .ToListAsync(cancellationToken);
        return QuotientFamilialRecord.InForce(candidates, day);
    }

    public async Task<QuotientFamilialRecord?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.QuotientRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>Quotients waiting for the agent, oldest first.</summary>
    public async Task<PageOf<QuotientFamilialRecord>> PendingAsync(int page, CancellationToken cancellationToken)
    {
        var query = db.QuotientRecords.AsNoTracking().Where(r => r.Status == QuotientStatus.Pending);
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await query.OrderBy(r => r.SubmittedAt).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new PageOf<QuotientFamilialRecord>(items, page, PageSize, total);
    }

    /// <summary>The territory's parts rule, or the default one.</summary>
    public async Task<QuotientRule> RuleAsync(CancellationToken cancellationToken) =>
        await db.QuotientRules.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? QuotientRule.Default();
}
