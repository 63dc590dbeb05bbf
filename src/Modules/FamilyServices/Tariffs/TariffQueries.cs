using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Services;

namespace Preau.FamilyServices.Tariffs;

/// <summary>Reads tariff versions.</summary>
internal sealed class TariffQueries(FamilyServicesDbContext db)
{
    public async Task<IReadOnlyList<TariffVersion>> ListAsync(CancellationToken cancellationToken) =>
        await db.TariffVersions.AsNoTracking().OrderBy(v => v.Kind).ThenBy(v => v.ServiceId).ThenByDescending(v => v.StartsOn).Take(500).ToListAsync(cancellationToken);

    public async Task<TariffVersion?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.TariffVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken);

    /// <summary>The version in force on a day for a service (<see cref="TariffRules.InForce"/>), in one query.</summary>
    public async Task<TariffVersion?> InForceAsync(ServiceKind kind, Guid? serviceId, DateOnly day, CancellationToken cancellationToken)
    {
        var candidates = await db.TariffVersions.AsNoTracking()
            .Where(v => v.Kind == kind && v.Status == TariffVersionStatus.Published && v.StartsOn <= day && (v.ServiceId == null || v.ServiceId == serviceId))
            .ToListAsync(cancellationToken);
        return TariffRules.InForce(candidates, kind, serviceId, day);
    }

    /// <summary>The kind-wide versions in force on a day, one per kind that has one.</summary>
    public async Task<IReadOnlyList<TariffVersion>> InForceForAllKindsAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var candidates = await db.TariffVersions.AsNoTracking()
            .Where(v => v.Status == TariffVersionStatus.Published && v.StartsOn <= day && v.ServiceId == null)
            .ToListAsync(cancellationToken);
        return Enum.GetValues<ServiceKind>().Select(k => TariffRules.InForce(candidates, k, null, day)).OfType<TariffVersion>().ToList();
    }
}
