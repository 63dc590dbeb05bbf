using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Preau.Platform.Web;

namespace Preau.Platform.Authorization;

/// <summary>
/// The entries of the main menu a user may open, for the layout of every page. Each entry's policy is
/// evaluated by the authorization service. When every entry's policy only asks for a session, the
/// territory claim and permissions (decided by the profiles claim alone, see <see cref="PermissionHandler"/>),
/// the answer only depends on those two claims: it is kept per combination of them, instead of
/// evaluating some thirty policies against every registered handler on every page.
/// </summary>
public sealed class NavigationMenu(IEnumerable<NavigationEntry> entries, IAuthorizationPolicyProvider policies)
{
    private readonly NavigationEntry[] _entries = [.. entries.OrderBy(e => e.Order)];
    private readonly ConcurrentDictionary<(Profile Profiles, bool InTerritory), IReadOnlyList<NavigationEntry>> _byClaims = new();
    private bool? _decidedByClaims;

    /// <summary>The entries <paramref name="user"/> may open, in menu order.</summary>
    public async Task<IReadOnlyList<NavigationEntry>> ForAsync(ClaimsPrincipal user, IAuthorizationService authorization)
    {
        _decidedByClaims ??= await DecidedByClaimsAsync();
        if (_decidedByClaims != true || user.Identity?.IsAuthenticated != true)
        {
            return await EvaluateAsync(user, authorization);
        }

        var key = (user.Profiles(), user.HasClaim(c => c.Type == PreauClaims.Territory));
        if (!_byClaims.TryGetValue(key, out var allowed))
        {
            allowed = await EvaluateAsync(user, authorization);
            _byClaims.TryAdd(key, allowed);
        }

        return allowed;
    }

    private async Task<IReadOnlyList<NavigationEntry>> EvaluateAsync(ClaimsPrincipal user, IAuthorizationService authorization)
    {
        var allowed = new List<NavigationEntry>();
        foreach (var entry in _entries)
        {
            if ((await authorization.AuthorizeAsync(user, entry.Policy)).Succeeded)
            {
                allowed.Add(entry);
            }
        }

        return allowed;
    }

    private async Task<bool> DecidedByClaimsAsync()
    {
        foreach (var entry in _entries)
        {
            var policy = await policies.GetPolicyAsync(entry.Policy);
            if (policy is null || !policy.Requirements.All(r => r is PermissionRequirement or DenyAnonymousAuthorizationRequirement
                    or ClaimsAuthorizationRequirement { ClaimType: PreauClaims.Territory, AllowedValues: null }))
            {
                return false;
            }
        }

        return true;
    }
}
