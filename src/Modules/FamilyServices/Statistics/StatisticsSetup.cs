using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Statistics;

/// <summary>Registration of the statistics capability.</summary>
internal static class StatisticsSetup
{
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddScoped<StatisticsQueries>();
        services.AddScoped<RevenueEstimate>();
        services.AddScoped<StatisticsReports>();
        services.AddScoped<IHomeSection, StatisticsHomeSection>();
        services.AddSingleton(new NavigationEntry("Statistiques", "/gestion/statistiques", FamilyServicesPermissions.ReadStatistics, 34));
        return services;
    }
}
