using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Identity;
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
using Preau.Identity.Calendar;
using Preau.Identity.Classes;
using Preau.Identity.Schools;
using Preau.Identity.Imports;
using Preau.Identity.Passwords;
using Preau.Identity.Retention;
using Preau.Identity.SingleSignOn;
using Preau.Identity.Territories;
using Preau.Platform.Authorization;
using Preau.Platform.Data;
using Preau.Platform.Demo;
using Preau.Platform.Jobs;
using Preau.Platform.Localization;
using Preau.Platform.Web;

namespace Preau.Identity;

/// <summary>The Identity &amp; Structures module's public surface.</summary>
public static class IdentityModule
{
    /// <summary>The rate-limiting policy of sign-in, activation and password-reset forms.</summary>
    public const string SignInRateLimit = "sign-in";

    /// <summary>A request is authenticated by its session cookie, or by an OAuth2 access token for the API.</summary>
    private const string SessionOrBearer = "session-or-bearer";

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
        // PBKDF2-HMAC-SHA512 (Identity's v3 format); 210,000 iterations after OWASP's 2023 guidance, the
        // cost that sets the sign-in rate (docs/decisions/0010). Hashes of a lower count are upgraded at
        // the next sign-in. Test suites lower it (the same algorithm, fewer rounds) to stay fast.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = configuration.GetValue("Identity:PasswordHashIterations", 210_000));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SessionOrBearer;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddPolicyScheme(SessionOrBearer, SessionOrBearer, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? OpenIddict.Validation.AspNetCore.OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme
                    : IdentityConstants.ApplicationScheme);
        services.AddAuthentication().AddIdentityCookies();
        services.AddSingleSignOn(configuration);
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
            o.Events.OnValidatePrincipal = ValidateSessionWhenDue;
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
        services.AddScoped<IScheduledJob, AccountRetentionJob>();
        services.AddScoped<TerritoryRetention>();
        services.AddScoped<DeleteAccount>();
        services.AddScoped<ExportPersonalData>();
        services.AddScoped<ManageConnectedServices>();
        services.AddSingleton(new NavigationEntry("Services connectés", "/admin/services-connectes", IdentityPermissions.ManageTerritory, 95));
        services.AddScoped<ActivateAccount>();
        services.AddScoped<IDemoTerritory, DemoTerritorySeeder>();
        services.AddScoped<IHomeSection, ChildrenSection>();
        AddScopeTriggers(services);
        AddAdministration(services);
        services.AddRosterImports(configuration);
        return builder;
    }

    /// <summary>
    /// What the homes show of the directory (docs/decisions/0020): a change bumps the accounts, pupils, classes,
    /// schools or territory it concerns (a new child bumps the guardian, a change of class the pupil).
    /// </summary>
    private static void AddScopeTriggers(IServiceCollection services)
    {
        services.AddScopeTrigger<IdentityDbContext, Account>(nameof(Account.Id));
        services.AddScopeTrigger<IdentityDbContext, GuardianLink>(nameof(GuardianLink.GuardianId), nameof(GuardianLink.PupilId));
        services.AddScopeTrigger<IdentityDbContext, Enrolment>(nameof(Enrolment.PupilId), nameof(Enrolment.ClassGroupId));
        services.AddScopeTrigger<IdentityDbContext, TeachingAssignment>(nameof(TeachingAssignment.TeacherId), nameof(TeachingAssignment.ClassGroupId));
        services.AddScopeTrigger<IdentityDbContext, StaffAssignment>(nameof(StaffAssignment.AccountId), nameof(StaffAssignment.SchoolId));
        services.AddScopeTrigger<IdentityDbContext, ClassGroup>(nameof(ClassGroup.Id));
        services.AddScopeTrigger<IdentityDbContext, School>(nameof(School.Id));
        services.AddScopeTrigger<IdentityDbContext, SchoolYear>(nameof(SchoolYear.TerritoryId));
        services.AddScopeTrigger<IdentityDbContext, SchoolHoliday>(nameof(SchoolHoliday.TerritoryId));
        services.AddScopeTrigger<IdentityDbContext, Territory>(nameof(Territory.Id));
    }

    /// <summary>The administration of the territory, its structures and accounts (issue #2, items 3 to 5, 8 and 9).</summary>
    private static void AddAdministration(IServiceCollection services)
    {
        services.AddScoped<UpdateTerritorySettings>();
        services.AddScoped<CreateTerritory>();
        services.AddScoped<ChangeTerritoryLogo>();
        services.AddScoped<SaveSchoolYear>();
        services.AddScoped<SaveSchoolHoliday>();
        services.AddScoped<SaveSchool>();
        services.AddScoped<SaveClassGroup>();
        services.AddScoped<EnrolPupil>();
        services.AddScoped<AssignTeacher>();
        services.AddScoped<AssignStaff>();
        services.AddScoped<LinkGuardian>();
        services.AddScoped<CreateAccount>();
        services.AddScoped<UpdateAccount>();
        services.AddScoped<AccountAccess>();
        services.AddScoped<IssueActivationLetters>();
        services.AddScoped<SearchAuditLog>();
        services.AddScoped<IHomeSection, TerritoryAdminSection>();
        services.AddScoped<IHomeSection, HeadSection>();
        services.AddScoped<IHomeSection, StaffSchoolsSection>();
        services.AddSingleton(new StyleSheet("/_content/Preau.Identity/identity.css"));
        services.AddSingleton(new NavigationEntry("Administration", "/administration", IdentityPermissions.ManageSchools, 80));
        // The town's education service prints letters without administering schools.
        services.AddSingleton(new NavigationEntry("Lettres d’activation", "/administration/lettres", IdentityPermissions.PrintActivationLetters, 81));
    }

    /// <summary>Maps the module's /api/v1 endpoints (schools, classes of a school, the signed-in account).</summary>
    public static WebApplication MapIdentityApi(this WebApplication app)
    {
        StructuresApi.Map(app);
        ImportsApi.Map(app.MapGroup("/api/v1"));
        app.MapSingleSignOn();
        return app;
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


    /// <summary>
    /// The security stamp validator resolves the sign-in manager, the user manager and the Identity context
    /// on every request, only to find most of the time that the session is not due for validation: the
    /// same interval test (Identity:SessionValidationInterval) is made first, without them.
    /// </summary>
    private static Task ValidateSessionWhenDue(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        return context.Properties.IssuedUtc is { } issued && now - issued <= options.ValidationInterval
            ? Task.CompletedTask
            : SecurityStampValidator.ValidatePrincipalAsync(context);
    }

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
