using Microsoft.EntityFrameworkCore;
using Preau.SchoolLife.Data;

namespace Preau.SchoolLife.Settings;

/// <summary>Reads schools' settings, falling back to the defaults for schools that changed none.</summary>
internal sealed class SchoolLifeSettingsStore(SchoolLifeDbContext db)
{
    public async Task<SchoolLifeSettings> GetAsync(Guid schoolId, CancellationToken cancellationToken) =>
        (await GetManyAsync([schoolId], cancellationToken))[schoolId];

    public async Task<IReadOnlyDictionary<Guid, SchoolLifeSettings>> GetManyAsync(IEnumerable<Guid> schoolIds, CancellationToken cancellationToken)
    {
        var ids = schoolIds.Distinct().ToList();
        var found = await db.SchoolLifeSettings.AsNoTracking().Where(s => ids.Contains(s.SchoolId)).ToDictionaryAsync(s => s.SchoolId, cancellationToken);
        return ids.ToDictionary(id => id, id => found.GetValueOrDefault(id) ?? SchoolLifeSettings.Defaults(id));
    }
}
