using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Contracts;
using Preau.Platform.Jobs;
using Preau.Platform.Privacy;
using Preau.Platform.Web;

namespace Preau.Identity.Imports;

/// <summary>The roster imports' services, registered by <see cref="IdentityModule"/>.</summary>
internal static class ImportsRegistration
{
    public static IServiceCollection AddRosterImports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImportOptions>()
            .Configure(o => o.RunInBackground = configuration.GetValue("Jobs:RunInBackground", true))
            .Bind(configuration.GetSection("Imports"));
        services.AddSingleton<ImportSignal>();
        services.AddSingleton<ImportRunner>();
        services.AddHostedService<ImportWorker>();
        services.AddScoped<ImportRoster>();
        services.AddScoped<StartImport>();
        services.AddScoped<ApplyImport>();
        services.AddScoped<AbandonImport>();
        services.AddScoped<ListImports>();
        services.AddScoped<IAuthorizationHandler, ImportAuthorizationHandler>();
        services.AddScoped<IScheduledJob, PurgeImports>();
        services.AddScoped<IPersonalDataSource, ImportsPersonalData>();
        services.AddScoped<IRosterCommandLine, RosterCommandLine>();
        services.AddSingleton(new NavigationEntry("Imports", "/imports", IdentityPermissions.ImportRosters, 80));
        services.AddSingleton(new StyleSheet("/_content/Preau.Identity/imports/imports.css"));
        return services;
    }
}
