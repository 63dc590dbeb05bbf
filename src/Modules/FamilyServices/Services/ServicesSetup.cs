using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Web;

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
        services.AddScoped<IHomeSection, AgentHomeSection>();
        return services;
    }
}
