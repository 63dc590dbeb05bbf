using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Preau.IntegrationTests.Platform;

/// <summary>DESIGN.md, Tenancy and rights: every endpoint declares its policy; none relies on defaults.</summary>
public sealed class EndpointPolicyTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task Endpoints_All_DeclareAPolicyOrAllowAnonymous()
    {
        await Task.CompletedTask;
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy)))
            .Select(e => e.RoutePattern.RawText ?? e.DisplayName)
            .ToList();

        Assert.True(endpoints.Count > 10, "The endpoint list looks empty.");
        Assert.True(undeclared.Count == 0, "Endpoints without an explicit policy: " + string.Join(", ", undeclared));
    }

    [Fact]
    public async Task Policies_AllDeclaredNames_Resolve()
    {
        var provider = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var names = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .SelectMany(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>())
            .Select(a => a.Policy)
            .OfType<string>()
            .Distinct();

        foreach (var name in names)
        {
            Assert.NotNull(await provider.GetPolicyAsync(name));
        }
    }
}
