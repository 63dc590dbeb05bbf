using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Localization;
using Preau.Identity;
using Preau.Platform;
using Preau.Platform.Authorization;
using Preau.Platform.Data;
using Preau.Platform.Demo;
using Preau.Platform.Localization;
using Preau.Platform.Tenancy;
using Scalar.AspNetCore;

namespace Preau.Web;

/// <summary>The host's own services and pipeline: pages, languages, errors, security headers, health.</summary>
internal static class WebHost
{
    public static WebApplicationBuilder AddWebHost(this WebApplicationBuilder builder)
    {
        // Modules' stylesheets and scripts (wwwroot of each Razor class library, under /_content/) are served in
        // every environment, not only Development (tests run as "Testing"); published builds copy them to wwwroot.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        // Modules' static files (/_content/Preau.<Module>/…) in every environment, not only Development;
        // a published app has them in wwwroot already and this is then a no-op.
        builder.WebHost.UseStaticWebAssets();
        services.AddTranslations(typeof(WebHost).Assembly);
        services.AddRazorPages(o =>
            {
                // Every page declares its policy; the fallback policy (signed in) guards any that forgets.
                o.Conventions.AllowAnonymousToPage("/Index");
            })
            .AddMvcOptions(o => o.Filters.Add<UnknownHandlerFilter>())
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(WebHost)));
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>, FrenchModelBindingMessages>();
        // Validation happens on the server, with French messages; no client-validation attributes.
        services.Configure<Microsoft.AspNetCore.Mvc.MvcViewOptions>(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
        services.AddRequestLocalization(o =>
        {
            o.SupportedCultures = Translations.SupportedCultures.ToList();
            o.SupportedUICultures = Translations.SupportedCultures.ToList();
            o.DefaultRequestCulture = new RequestCulture("fr-FR");
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
        });
        // French text is served as is, not as numeric entities: smaller pages, readable source.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddOpenApi("v1");
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The reverse proxy's addresses come from configuration (ForwardedHeaders:KnownProxies) in production.
            foreach (var proxy in builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        services.AddSingleton<DemoSeeding>();
        return builder;
    }

    public static WebApplication UseWebHost(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // API callers get RFC 9457 problem details; people get a French page.
        app.UseWhen(IsApi, api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(context => !IsApi(context), pages => pages.UseExceptionHandler("/erreur/500").UseStatusCodePagesWithReExecute("/erreur/{0}"));
        app.Use(ErrorPagesIgnoreTheForm);
        app.Use(SecurityHeaders);
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseTenancy();
        app.UseSecondFactorEnrolment();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapWebHost(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi("/api/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api/docs", o => o.WithOpenApiRoutePattern("/api/{documentName}.json").WithTitle("Préau API")).AllowAnonymous();
        app.MapPost("/langue", (HttpContext context, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? retour) =>
        {
            var chosen = Translations.SupportedCultures.FirstOrDefault(c => c.Name == culture || c.TwoLetterISOLanguageName == culture) ?? Translations.SupportedCultures[0];
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365) });
            return Results.LocalRedirect(retour is { Length: > 0 } && retour.StartsWith('/') && !retour.StartsWith("//", StringComparison.Ordinal) ? retour : "/");
        }).AllowAnonymous();
        app.MapGet("/theme.css", Theme.RenderAsync).AllowAnonymous();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>
    /// The French error page never reads the refused request's form: a form over the size limits (a
    /// 10 MB field) would fail again there and turn a clear 400 into a 500.
    /// </summary>
    private static Task ErrorPagesIgnoreTheForm(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            context.Features.Set<Microsoft.AspNetCore.Http.Features.IFormFeature>(new Microsoft.AspNetCore.Http.Features.FormFeature(FormCollection.Empty));
        }

        return next(context);
    }

    private static Task SecurityHeaders(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        // No inline script or style anywhere: the theme is a stylesheet (/theme.css), scripts are files.
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers.XFrameOptions = "DENY";
        return next(context);
    }
}

/// <summary>Ready when the database answers.</summary>
internal sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("La base de données ne répond pas.");
    }
}

/// <summary>Model-binding messages in French (and translated), instead of ASP.NET Core's English defaults.</summary>
internal sealed class FrenchModelBindingMessages(IStringLocalizer localizer) : Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>
{
    public void Configure(Microsoft.AspNetCore.Mvc.MvcOptions options)
    {
        var messages = options.ModelBindingMessageProvider;
        string Invalid(string? value) => localizer["La valeur « {0} » n’est pas valide.", value ?? string.Empty];
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => Invalid(value));
        messages.SetMissingBindRequiredValueAccessor(_ => localizer["Ce champ est obligatoire."]);
        messages.SetMissingKeyOrValueAccessor(() => localizer["Ce champ est obligatoire."]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => localizer["Le formulaire est vide."]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(Invalid);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => localizer["La valeur saisie n’est pas valide."]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => localizer["Saisissez un nombre."]);
        messages.SetUnknownValueIsInvalidAccessor(_ => localizer["La valeur saisie n’est pas valide."]);
        messages.SetValueIsInvalidAccessor(Invalid);
        messages.SetValueMustBeANumberAccessor(_ => localizer["Saisissez un nombre."]);
        messages.SetValueMustNotBeNullAccessor(_ => localizer["Ce champ est obligatoire."]);
    }
}
