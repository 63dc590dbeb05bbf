using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Accounts;
using Preau.Identity.Activation;
using Preau.Identity.Audit;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Identity.Demo;
using Preau.Identity.Directory;
using Preau.Identity.Home;
using Preau.Identity.Imports;
using Preau.Identity.Passwords;
using Preau.Platform.Authorization;
using Preau.Platform.Data;
using Preau.Platform.Demo;
using Preau.Platform.Localization;
using Preau.Platform.Web;

namespace Preau.Identity;

/// <summary>The Identity &amp; Structures module's public surface.</summary>
public static class IdentityModule
{
    /// <summary>The rate-limiting policy of sign-in, activation and password-reset forms.</summary>
    public const string SignInRateLimit = "sign-in";

    /// <summary>Registers the module: its data, ASP.NET Core Identity, cookies, rights and services.</summary>
    public static WebApplicationBuilder AddIdentityModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddModuleDbContext<IdentityDbContext, IdentitySqliteDbContext, IdentityPostgresDbContext>(configuration, IdentityDbContext.Module);
        services.AddHttpContextAccessor();
        services.AddTranslations(typeof(IdentityModule).Assembly);

        services.AddIdentityCore<Account>(o =>
            {
                // ANSSI: length over composition; the common-password list is checked by PasswordPolicy.
                o.Password.RequiredLength = PasswordPolicy.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 10;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_@";
            })
            .AddUserStore<AccountStore>()
            .AddSignInManager<AccountSignInManager>()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>()
            .AddErrorDescriber<FrenchIdentityErrors>()
            .AddPasswordValidator<PasswordPolicy>()
            .AddDefaultTokenProviders();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "preau.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/connexion";
            o.LogoutPath = "/deconnexion";
            o.AccessDeniedPath = "/acces-refuse";
            o.ReturnUrlParameter = "retour";
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context => RedirectUnlessApi(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RedirectUnlessApi(context, StatusCodes.Status403Forbidden);
        });
        services.Configure<SecurityStampValidatorOptions>(o =>
            o.ValidationInterval = configuration.GetValue("Identity:SessionValidationInterval", TimeSpan.FromMinutes(1)));

        var attemptsPerMinute = configuration.GetValue("Identity:SignInAttemptsPerMinute", 30);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per client address; a whole school may share one address, hence a generous default,
            // with the per-account lockout behind it.
            o.AddPolicy(SignInRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = attemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
        });

        services.AddPermissions(IdentityPermissions.All);
        services.AddScoped<IAuthorizationHandler, IdentityAuthorizationHandler>();
        services.AddScoped<IAccountRelations, AccountRelationsLoader>();
        services.AddScoped<IStructureDirectory, StructureDirectory>();
        services.AddScoped<ManagedAccounts>();
        services.AddScoped<AuditLog>();
        services.AddScoped<ActivateAccount>();
        services.AddScoped<IDemoTerritory, DemoTerritorySeeder>();
        services.AddScoped<IHomeSection, ChildrenSection>();
        services.AddRosterImports(configuration);
        return builder;
    }

    /// <summary>Maps the roster imports' endpoints (/imports: upload, state, rejected lines, application) on the host's API group.</summary>
    public static IEndpointRouteBuilder MapRosterImportsApi(this IEndpointRouteBuilder api)
    {
        ImportsApi.Map(api);
        return api;
    }

    /// <summary>
    /// Keeps an administrator who has not enrolled a second factor on the enrolment page
    /// (DESIGN.md, Identity: TOTP is mandatory for admin profiles). Place after authentication.
    /// </summary>
    public static IApplicationBuilder UseSecondFactorEnrolment(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (context.User.HasClaim(c => c.Type == PreauClaims.SecondFactorSetupRequired)
            && !path.StartsWithSegments("/compte/double-authentification")
            && !path.StartsWithSegments("/deconnexion")
            && !path.StartsWithSegments("/css") && !path.StartsWithSegments("/js") && !path.StartsWithSegments("/health"))
        {
            if (path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            context.Response.Redirect("/compte/double-authentification");
            return;
        }

        await next(context);
    });


    private static Task RedirectUnlessApi(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api") || apiStatus == StatusCodes.Status403Forbidden)
        {
            // Pages answer 403 in place with a French page (status code pages), never a redirect loop.
            context.Response.StatusCode = apiStatus;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
