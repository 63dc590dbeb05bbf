using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;

namespace Preau.Communication.Publishing;

/// <summary>
/// Public pages (a school's page, feeds, public blogs) have no session to take the territory from:
/// they enter it from the route's territory slug. A visitor signed in to another territory keeps their
/// own request scope untouched; the public page then reads through a scope of its own.
/// </summary>
internal sealed class PublicSite(IServiceScopeFactory scopes, IHttpContextAccessor http)
{
    /// <summary>Enters the territory named by <paramref name="slug"/>; null when there is none.</summary>
    public async Task<PublicTerritory?> OpenAsync(string slug, CancellationToken cancellationToken)
    {
        var requestServices = http.HttpContext?.RequestServices ?? throw new InvalidOperationException("Public pages need a request.");
        var directory = requestServices.GetRequiredService<IStructureDirectory>();
        var territory = await directory.FindTerritoryBySlugAsync(slug, cancellationToken);
        if (territory is null)
        {
            return null;
        }

        return Enter(requestServices, territory);
    }

    /// <summary>Enters a territory known by id (a private feed's token names it); null when it is gone.</summary>
    public async Task<PublicTerritory?> OpenAsync(Guid territoryId, CancellationToken cancellationToken)
    {
        var requestServices = http.HttpContext?.RequestServices ?? throw new InvalidOperationException("Public pages need a request.");
        await using var probe = scopes.CreateAsyncScope();
        probe.ServiceProvider.GetRequiredService<TenantContext>().Enter(territoryId);
        var territory = await probe.ServiceProvider.GetRequiredService<IStructureDirectory>().GetCurrentTerritoryAsync(cancellationToken);
        return territory is null ? null : Enter(requestServices, territory);
    }

    private PublicTerritory Enter(IServiceProvider requestServices, TerritoryInfo territory)
    {
        var tenant = requestServices.GetRequiredService<TenantContext>();
        if (tenant.TerritoryId is null || tenant.TerritoryId == territory.Id)
        {
            tenant.Enter(territory.Id, territory.TimeZoneId);
            return new PublicTerritory(territory, requestServices, null);
        }

        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(territory.Id, territory.TimeZoneId);
        return new PublicTerritory(territory, scope.ServiceProvider, scope);
    }
}

/// <summary>A territory entered for a public page, with the services that read in it.</summary>
internal sealed class PublicTerritory(TerritoryInfo territory, IServiceProvider services, AsyncServiceScope? ownScope) : IAsyncDisposable
{
    public TerritoryInfo Territory => territory;

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => ownScope?.DisposeAsync() ?? ValueTask.CompletedTask;
}
