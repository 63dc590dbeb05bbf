using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Preau.Identity.Accounts;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Preau.Identity.SingleSignOn;

/// <summary>
/// The OpenID Connect endpoints whose decisions are Préau's: who may sign in to which service, and
/// which claims leave. OpenIddict validates the protocol (clients, redirect addresses, PKCE) first.
/// </summary>
internal static class SingleSignOnEndpoints
{
    private const string StampClaim = "preau:stamp";

    public static IEndpointRouteBuilder MapSingleSignOn(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (Delegate)AuthorizeAsync).AllowAnonymous().DisableAntiforgery();
        routes.MapPost("/connect/token", ExchangeAsync).AllowAnonymous().DisableAntiforgery();
        routes.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], (Delegate)UserInfo)
            .RequireAuthorization(SingleSignOnServer.UserInfoPolicy)
            .DisableAntiforgery();
        routes.MapMethods("/connect/logout", [HttpMethods.Get, HttpMethods.Post], (Delegate)EndSessionAsync).AllowAnonymous().DisableAntiforgery();
        return routes;
    }

    /// <summary>A signed-in account of the service's territory gets a code; anyone else signs in first or is refused.</summary>
    private static async Task<IResult> AuthorizeAsync(HttpContext context, IdentityDbContext db, UserManager<Account> users, IAccountRelations relations, IStructureDirectory directory)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!session.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.LoginRequired, "L’utilisateur n’est pas connecté.");
            }

            // Back here once signed in, with the same request (its parameters are in the query string).
            var retour = context.Request.PathBase + context.Request.Path + QueryString.Create(
                context.Request.HasFormContentType ? context.Request.Form.ToList() : context.Request.Query.Where(q => q.Key != "prompt").ToList());
            return Results.Challenge(new AuthenticationProperties { RedirectUri = retour }, [IdentityConstants.ApplicationScheme]);
        }

        // The tenant was entered from the session: the service must belong to the user's territory.
        var application = await db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication<Guid>>().AsNoTracking()
            .Where(a => a.ClientId == request.ClientId).Select(a => a.Id).FirstOrDefaultAsync(context.RequestAborted);
        var service = await db.ConnectedServices.AsNoTracking().FirstOrDefaultAsync(s => s.ApplicationId == application, context.RequestAborted);
        var account = await users.GetUserAsync(session.Principal);
        if (service is null || account is null || !account.IsActive)
        {
            return Forbid(Errors.AccessDenied, "Ce service n’est pas ouvert aux comptes de votre collectivité.");
        }

        var principal = await BuildPrincipalAsync(account, request.GetScopes(), service, relations, directory, context.RequestAborted);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>Codes and refresh tokens are exchanged only while the account is active and its sessions were not revoked.</summary>
    private static async Task<IResult> ExchangeAsync(HttpContext context, IdentityDbContext db, TenantContext tenant, IAccountRelations relations, IStructureDirectory directory)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (!request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType())
        {
            return Forbid(Errors.UnsupportedGrantType, "Ce type d’autorisation n’est pas pris en charge.");
        }

        var previous = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        if (previous is null || !Guid.TryParse(previous.GetClaim(Claims.Subject), out var accountId))
        {
            return Forbid(Errors.InvalidGrant, "Le jeton n’est plus valide.");
        }

        var account = await db.Accounts.IgnoreQueryFilters().FirstOrDefaultAsync(a => a.Id == accountId, context.RequestAborted);
        if (account is null || !account.IsActive || account.SecurityStamp != previous.GetClaim(StampClaim))
        {
            return Forbid(Errors.InvalidGrant, "Le compte n’est plus actif ou ses sessions ont été fermées.");
        }

        tenant.Enter(account.TerritoryId);
        var service = await db.ConnectedServices.AsNoTracking().FirstOrDefaultAsync(s => s.ClientId == request.ClientId, context.RequestAborted);
        if (service is null)
        {
            return Forbid(Errors.InvalidGrant, "Ce service n’est plus ouvert aux comptes de votre collectivité.");
        }

        var principal = await BuildPrincipalAsync(account, previous.GetScopes(), service, relations, directory, context.RequestAborted);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult UserInfo(HttpContext context)
    {
        var principal = context.User;
        var info = new Dictionary<string, object?> { [Claims.Subject] = principal.GetClaim(Claims.Subject) };
        foreach (var type in new[] { Claims.Name, Claims.GivenName, Claims.FamilyName, Claims.Email, Claims.PreferredUsername, "preau_profils", "preau_etablissements" })
        {
            var values = principal.GetClaims(type);
            if (values.Length > 0)
            {
                info[type] = values.Length == 1 && type is not ("preau_profils" or "preau_etablissements") ? values[0] : values;
            }
        }

        return Results.Json(info);
    }

    /// <summary>Signing out of a service signs out of Préau too (single logout), then back to the service.</summary>
    private static async Task<IResult> EndSessionAsync(HttpContext context)
    {
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>The claims a service receives, by scope; Préau's own claims go into access tokens only, for the API.</summary>
    private static async Task<ClaimsPrincipal> BuildPrincipalAsync(Account account, IEnumerable<string> scopes, ConnectedService service, IAccountRelations relations, IStructureDirectory directory, CancellationToken cancellationToken)
    {
        var granted = scopes.Where(s => s != SingleSignOnServer.ApiScope || service.MayUseApi).ToList();
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, account.Id.ToString())
            .SetClaim(StampClaim, account.SecurityStamp);
        if (granted.Contains(Scopes.Profile))
        {
            identity.SetClaim(Claims.Name, account.DisplayName)
                .SetClaim(Claims.GivenName, account.FirstName)
                .SetClaim(Claims.FamilyName, account.LastName)
                .SetClaim(Claims.PreferredUsername, account.UserName);
        }

        if (granted.Contains(Scopes.Email) && !string.IsNullOrEmpty(account.Email))
        {
            identity.SetClaim(Claims.Email, account.Email);
        }

        if (granted.Contains(SingleSignOnServer.ProfilesScope))
        {
            identity.SetClaims("preau_profils", [.. Profiles.All.Where(account.Has).Select(p => p.ToString().ToLowerInvariant())]);
        }

        if (granted.Contains(SingleSignOnServer.SchoolsScope))
        {
            var actor = await relations.ForAccountAsync(account.Id, cancellationToken);
            var schools = await directory.GetSchoolsAsync(actor.Schools, cancellationToken);
            identity.SetClaims("preau_etablissements", [.. schools.Select(s => s.Uai)]);
        }

        if (granted.Contains(SingleSignOnServer.ApiScope))
        {
            // What the authorization layer reads, as in a cookie session (PreauClaims).
            identity.SetClaim(PreauClaims.Account, account.Id.ToString())
                .SetClaim(PreauClaims.Territory, account.TerritoryId.ToString())
                .SetClaim(PreauClaims.ProfileFlags, ((int)account.Profiles).ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (await directory.GetCurrentTerritoryAsync(cancellationToken) is { } territory)
            {
                identity.SetClaim(PreauClaims.TimeZone, territory.TimeZoneId);
            }
        }

        identity.SetScopes(granted);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Name or Claims.GivenName or Claims.FamilyName or Claims.PreferredUsername or Claims.Email or "preau_profils" or "preau_etablissements"
                => [Destinations.AccessToken, Destinations.IdentityToken],
            StampClaim => [],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
