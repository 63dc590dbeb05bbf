using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Preau.Platform.Tenancy;
using Preau.SchoolLife.Data;

namespace Preau.SchoolLife.Timetable;

/// <summary>
/// Schools' schedule settings, read on every timetable and home page: cached for a few minutes per
/// process (settings change a few times a year; another process sees a change within minutes, the
/// process that saved it at once).
/// </summary>
internal sealed class ScheduleSettingsStore(SchoolLifeDbContext db, IMemoryCache cache, TenantContext tenant)
{
    private static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(5);

    /// <summary>The settings of the given schools; a school without settings is absent (defaults apply).</summary>
    public async Task<IReadOnlyDictionary<Guid, ScheduleSettings>> ForSchoolsAsync(IEnumerable<Guid> schoolIds, CancellationToken cancellationToken)
    {
        var territoryId = tenant.RequiredTerritoryId;
        var result = new Dictionary<Guid, ScheduleSettings>();
        var missing = new List<Guid>();
        foreach (var schoolId in schoolIds.Distinct())
        {
            if (cache.TryGetValue(Key(territoryId, schoolId), out Cached? cached))
            {
                if (cached!.Settings is { } settings)
                {
                    result[schoolId] = settings;
                }
            }
            else
            {
                missing.Add(schoolId);
            }
        }

        if (missing.Count > 0)
        {
            var loaded = await db.ScheduleSettings.AsNoTracking().Where(s => missing.Contains(s.SchoolId)).ToDictionaryAsync(s => s.SchoolId, cancellationToken);
            foreach (var schoolId in missing)
            {
                var settings = loaded.GetValueOrDefault(schoolId);
                cache.Set(Key(territoryId, schoolId), new Cached(settings), CacheDuration);
                if (settings is not null)
                {
                    result[schoolId] = settings;
                }
            }
        }

        return result;
    }

    /// <summary>One school's settings, or null for the defaults.</summary>
    public async Task<ScheduleSettings?> ForSchoolAsync(Guid schoolId, CancellationToken cancellationToken) =>
        (await ForSchoolsAsync([schoolId], cancellationToken)).GetValueOrDefault(schoolId);

    /// <summary>Forgets a school's cached settings after they changed.</summary>
    public void Forget(Guid schoolId) => cache.Remove(Key(tenant.RequiredTerritoryId, schoolId));

    private static (string, Guid, Guid) Key(Guid territoryId, Guid schoolId) => ("schedule-settings", territoryId, schoolId);

    private sealed record Cached(ScheduleSettings? Settings);
}
