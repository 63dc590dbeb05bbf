using System.Security.Claims;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices;

/// <summary>
/// Public pages and endpoints (menus, catchment lookup) name their territory in the URL ("/sectorisation/valmont"):
/// no account is needed. A signed-in user stays in their own territory: another one's slug answers 404.
/// </summary>
internal static class PublicTerritory
{
    public static async Task<TerritoryInfo?> EnterAsync(string slug, ClaimsPrincipal user, IStructureDirectory directory, TenantContext tenant, CancellationToken cancellationToken)
    {
        var territory = await directory.FindTerritoryBySlugAsync(slug, cancellationToken);
        if (territory is null || (user.TerritoryId() is { } own && own != territory.Id) || (tenant.TerritoryId is { } entered && entered != territory.Id))
        {
            return null;
        }

        tenant.Enter(territory.Id, territory.TimeZoneId);
        return territory;
    }
}
