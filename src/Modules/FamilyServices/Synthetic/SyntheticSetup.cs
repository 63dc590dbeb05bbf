using Microsoft.Extensions.DependencyInjection;
using Preau.FamilyServices.Demo;
using Preau.Platform.Demo;

namespace Preau.FamilyServices.Synthetic;

/// <summary>Registration of the demo and synthetic data of households, services, reservations and attendance.</summary>
internal static class SyntheticSetup
{
    public static IServiceCollection AddFamilyActivityData(this IServiceCollection services)
    {
        services.AddScoped<FamilyActivity>();
        services.AddScoped<IDemoSeed, FamilyServicesDemoSeed>();
        services.AddScoped<ISyntheticData, FamilyServicesSyntheticData>();
        return services;
    }
}
