using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Preau.Platform.Authorization;

/// <summary>
/// Resource checks in one vocabulary. A resource that is not the user's is answered "not found",
/// never "forbidden", so nobody can probe what exists (bitwarden/server's habit).
/// </summary>
public static class ResourceAuthorization
{
    /// <summary>Reading a resource.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>Changing or deleting a resource.</summary>
    public static readonly OperationAuthorizationRequirement Manage = new() { Name = nameof(Manage) };

    /// <summary>Whether the user may do <paramref name="operation"/> on <paramref name="resource"/>.</summary>
    public static async Task<bool> CanAsync(this IAuthorizationService authorization, ClaimsPrincipal user, object resource, OperationAuthorizationRequirement operation)
        => (await authorization.AuthorizeAsync(user, resource, operation)).Succeeded;
}
