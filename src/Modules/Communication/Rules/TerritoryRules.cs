using Microsoft.EntityFrameworkCore;
using Preau.Communication.Data;
using Preau.Platform.Tenancy;

namespace Preau.Communication.Rules;

/// <summary>The current territory's rules and settings, read once per request.</summary>
internal sealed class TerritoryRules(CommunicationDbContext db, TenantContext tenant)
{
    private RuleMatrix? _matrix;
    private CommunicationSettings? _settings;

    public async Task<RuleMatrix> MatrixAsync(CancellationToken cancellationToken) =>
        _matrix ??= RuleMatrix.From(await db.CommunicationRules.AsNoTracking().ToListAsync(cancellationToken));

    public async Task<CommunicationSettings> SettingsAsync(CancellationToken cancellationToken) =>
        _settings ??= await db.CommunicationSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken)
            ?? CommunicationSettings.Defaults(tenant.RequiredTerritoryId);

    /// <summary>Among <paramref name="classIds"/>, those whose teacher let pupils write to the class.</summary>
    public async Task<IReadOnlySet<Guid>> OpenClassesAsync(IEnumerable<Guid> classIds, CancellationToken cancellationToken)
    {
        var ids = classIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new HashSet<Guid>();
        }

        return (await db.ClassMessagingOptions.AsNoTracking().Where(o => ids.Contains(o.ClassGroupId) && o.PupilsMayWriteToClass)
            .Select(o => o.ClassGroupId).ToListAsync(cancellationToken)).ToHashSet();
    }
}
