using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Preau.Platform.Authorization;
using Preau.Platform.Data;
using Preau.Platform.Files;
using Preau.Platform.Jobs;
using Preau.Platform.Localization;
using Preau.Platform.Mail;
using Preau.Platform.Outbox;
using Preau.Platform.Tenancy;

namespace Preau.Platform;

/// <summary>The platform's public surface: AddPreauPlatform() and UseTenancy().</summary>
public static class PlatformRegistration
{
    /// <summary>Registers the shared kernel: data, tenancy, outbox, jobs, mail, files, translations, authorization.</summary>
    public static WebApplicationBuilder AddPreauPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSingleton(TimeProvider.System);
        services.AddScoped<TenantContext>();

        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxSaveInterceptor>();
        // Data protection reads its keys synchronously.
        services.AddModuleDbContext<PlatformDbContext, PlatformSqliteDbContext, PlatformPostgresDbContext>(configuration, "platform", synchronousUse: true);
        services.AddSingleton<DatabaseMigrator>();
        services.AddDataProtection().SetApplicationName("Preau").PersistKeysToDbContext<PlatformDbContext>();

        services.Configure<OutboxOptions>(configuration.GetSection("Outbox"));
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxWorker>();

        services.Configure<JobOptions>(configuration.GetSection("Jobs"));
        services.AddSingleton<ScheduledJobRunner>();
        services.AddHostedService<ScheduledJobWorker>();

        services.Configure<MailOptions>(configuration.GetSection("Mail"));
        services.AddSingleton<MailSender>();
        services.AddOutboxHandler<EmailRequested, SendEmailHandler>();

        services.Configure<Files.FileOptions>(configuration.GetSection("Files"));
        services.AddSingleton<IFileStore, LocalFileStore>();
        services.AddSingleton<UploadInspector>();

        services.AddSingleton<Text.RichText>();

        services.AddTranslations(typeof(PlatformRegistration).Assembly);
        services.AddSingleton<Translations>();
        services.AddSingleton<IStringLocalizer>(sp => sp.GetRequiredService<Translations>());
        services.AddSingleton<IStringLocalizerFactory, TranslationsFactory>();
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));

        services.AddScoped<Web.HomeScopes>();
        services.AddScoped<Web.VersionsRead>();
        services.AddSingleton<Web.HomeSnapshots>();
        services.AddSingleton<ScopeVersionReader>();
        services.AddScoped<Web.HomeComposition>();

        services.Configure<Web.PublicUrlOptions>(configuration.GetSection("Preau"));
        services.AddSingleton<Web.PublicLinks>();

        services.AddPreauAuthorization();
        return builder;
    }

    /// <summary>Enters the signed-in account's territory for the rest of the request.</summary>
    public static IApplicationBuilder UseTenancy(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.TerritoryId() is { } territory)
        {
            context.RequestServices.GetRequiredService<TenantContext>().Enter(territory, context.User.FindFirst(PreauClaims.TimeZone)?.Value);
        }

        await next(context);
    });
}
