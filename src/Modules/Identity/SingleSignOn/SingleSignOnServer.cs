using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Preau.Identity.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Preau.Identity.SingleSignOn;

/// <summary>
/// Préau as an OpenID Connect provider (DESIGN.md, Identity), with OpenIddict: the authorization code
/// flow with PKCE and refresh tokens for connected services, and bearer access tokens for /api/v1.
/// Codes, access and refresh tokens use ASP.NET Core Data Protection (its keys are in the database, so
/// every process reads them); identity tokens are JWTs signed with an RSA key kept in the database too (ProviderKeyOptions).
/// </summary>
internal static class SingleSignOnServer
{
    /// <summary>Scope of Préau's profiles in the identity token and user info.</summary>
    public const string ProfilesScope = "preau:profils";

    /// <summary>Scope of the UAI codes of the user's schools.</summary>
    public const string SchoolsScope = "preau:etablissements";

    /// <summary>Scope of access to Préau's API.</summary>
    public const string ApiScope = "preau:api";

    /// <summary>The user info endpoint's policy: a valid access token.</summary>
    public const string UserInfoPolicy = "oidc-userinfo";

    public static IServiceCollection AddSingleSignOn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetEndSessionEndpointUris("connect/logout")
                    .SetRevocationEndpointUris("connect/revoke");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.AllowRefreshTokenFlow();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess, ProfilesScope, SchoolsScope, ApiScope);
                // Short access tokens: a deactivated account or revoked sessions stop working within minutes;
                // refresh checks the account again (SingleSignOnEndpoints).
                o.SetAccessTokenLifetime(TimeSpan.FromMinutes(15));
                o.SetRefreshTokenLifetime(TimeSpan.FromDays(14));
                o.UseDataProtection();
                var aspNetCore = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableStatusCodePagesIntegration();
                if (!configuration.GetValue("SingleSignOn:RequireHttps", true))
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseDataProtection();
                o.UseAspNetCore();
            });
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ProviderKeyOptions>();
        services.AddAuthorizationBuilder().AddPolicy(UserInfoPolicy, p => p
            .AddAuthenticationSchemes(OpenIddict.Validation.AspNetCore.OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser());
        return services;
    }
}

/// <summary>
/// Loads the provider's keys from the database, creating them on first start. Two processes starting
/// together may both create one: both keys are then used (the oldest first) and published.
/// </summary>
internal sealed class ProviderKeyOptions(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var protector = protection.CreateProtector("Preau.Identity.SingleSignOn.ProviderKey");
        // Options are configured synchronously, once per process; the database's multiplexed connections
        // only run asynchronous commands (docs/decisions/0013), hence the wait on asynchronous calls.
        var keys = db.ProviderKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync().GetAwaiter().GetResult();
        foreach (var usage in Enum.GetValues<ProviderKeyUsage>().Where(u => keys.All(k => k.Usage != u)))
        {
            byte[] material;
            if (usage == ProviderKeyUsage.Signing)
            {
                using var rsa = RSA.Create(2048);
                material = rsa.ExportPkcs8PrivateKey();
            }
            else
            {
                material = RandomNumberGenerator.GetBytes(32);
            }

            var key = new ProviderKey { Usage = usage, ProtectedKey = protector.Protect(Convert.ToBase64String(material)), CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.ProviderKeys.Add(key);
            db.SaveChangesAsync().GetAwaiter().GetResult();
            keys.Add(key);
        }

        foreach (var key in keys)
        {
            var material = Convert.FromBase64String(protector.Unprotect(key.ProtectedKey));
            if (key.Usage == ProviderKeyUsage.Signing)
            {
                var rsa = RSA.Create();
                rsa.ImportPkcs8PrivateKey(material, out _);
                options.SigningCredentials.Add(new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = key.Id.ToString("N") }, SecurityAlgorithms.RsaSha256));
            }
            else
            {
                options.EncryptionCredentials.Add(new EncryptingCredentials(new SymmetricSecurityKey(material) { KeyId = key.Id.ToString("N") }, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
            }
        }
    }
}
