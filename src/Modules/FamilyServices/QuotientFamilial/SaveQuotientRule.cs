using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Audit;
using Preau.FamilyServices.Data;

namespace Preau.FamilyServices.QuotientFamilial;

/// <summary>The agent changes the parts table; quotients already computed keep the parts they were computed with.</summary>
internal sealed class SaveQuotientRule(FamilyServicesDbContext db, FamilyServicesAudit audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<RuleError>> HandleAsync(QuotientRule proposed, Guid agentId, CancellationToken cancellationToken)
    {
        var errors = proposed.Check().ToList();
        if (errors.Count > 0)
        {
            return errors;
        }

        var rule = await db.QuotientRules.FirstOrDefaultAsync(cancellationToken);
        if (rule is null)
        {
            rule = QuotientRule.Default();
            db.QuotientRules.Add(rule);
        }

        rule.CoupleParts = proposed.CoupleParts;
        rule.SingleParentParts = proposed.SingleParentParts;
        rule.FirstChildrenParts = proposed.FirstChildrenParts;
        rule.FurtherChildParts = proposed.FurtherChildParts;
        rule.DisabledChildExtraParts = proposed.DisabledChildExtraParts;
        rule.UpdatedBy = agentId;
        rule.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(FamilyAuditAction.QuotientRuleChanged, agentId, rule.Id,
            $"Parts : couple {rule.CoupleParts}, parent seul {rule.SingleParentParts}, 1er et 2e enfant {rule.FirstChildrenParts}, à partir du 3e {rule.FurtherChildParts}, enfant handicapé +{rule.DisabledChildExtraParts}");
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }
}
