using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Preau.Platform.Authorization;

/// <summary>Policies that are not a module permission.</summary>
public static class Policies
{
    /// <summary>Any signed-in account of a territory (its home page, its own settings).</summary>
    public const string SignedIn = "signed-in";
}

/// <summary>
/// Requires one module permission. Only the profiles claim decides it (<see cref="PermissionHandler"/>):
/// the navigation menu relies on that to remember its answer per profiles.
/// </summary>
public sealed class PermissionRequirement(Permission permission) : IAuthorizationRequirement
{
    /// <summary>The permission required.</summary>
    public Permission Permission { get; } = permission;
}

/// <summary>Grants a permission to the profiles that hold it.</summary>
internal sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.User.HasAnyProfile(requirement.Permission.DefaultProfiles))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Turns every declared permission name into a policy, so pages say [Authorize(Policy = Permission.Name)].</summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, PermissionCatalog catalog)
    : DefaultAuthorizationPolicyProvider(options)
{
    // Built once per permission: every page asks for its policies on every request.
    private readonly ConcurrentDictionary<string, AuthorizationPolicy> _permissionPolicies = new();

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (await base.GetPolicyAsync(policyName) is { } policy)
        {
            return policy;
        }

        if (catalog.Find(policyName) is not { } permission)
        {
            // A typo in a policy name must fail loudly, never open a page to everyone.
            throw new InvalidOperationException($"Unknown policy or permission: {policyName}.");
        }

        return _permissionPolicies.GetOrAdd(policyName, _ => new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireClaim(PreauClaims.Territory)
            .AddRequirements(new PermissionRequirement(permission))
            .Build());
    }
}

/// <summary>Registration of the authorization layer.</summary>
public static class AuthorizationRegistration
{
    /// <summary>Declares a module's permissions.</summary>
    public static IServiceCollection AddPermissions(this IServiceCollection services, IEnumerable<Permission> permissions)
    {
        foreach (var permission in permissions)
        {
            services.AddSingleton(permission);
        }

        return services;
    }

    internal static IServiceCollection AddPreauAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<PermissionCatalog>();
        services.AddSingleton<NavigationMenu>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser().RequireClaim(PreauClaims.Territory))
            // Anything that forgot to declare a policy still requires a session (a test also fails on it).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }
}
