using Microsoft.Extensions.DependencyInjection;

namespace Preau.FamilyServices.Services;

/// <summary>Registration of the services and registrations capability.</summary>
internal static class ServicesSetup
{
    public static IServiceCollection AddServicesAndRegistrations(this IServiceCollection services)
    {
        services.AddScoped<Places>();
        services.AddScoped<RegistrationNotices>();
        services.AddScoped<SaveService>();
        services.AddScoped<RegisterChild>();
        services.AddScoped<DecideRegistration>();
        return services;
    }
}
