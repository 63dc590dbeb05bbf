using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Preau.FamilyServices.Attendance;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;
using Preau.Platform.Authorization;
using Preau.Platform.Data;
using Preau.Platform.Localization;

namespace Preau.FamilyServices;

/// <summary>The Family services module's public surface.</summary>
public static class FamilyServicesModule
{
    /// <summary>Registers the module.</summary>
    public static WebApplicationBuilder AddFamilyServicesModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddModuleDbContext<FamilyServicesDbContext, FamilyServicesSqliteDbContext, FamilyServicesPostgresDbContext>(builder.Configuration, FamilyServicesDbContext.Module);
        services.AddTranslations(typeof(FamilyServicesModule).Assembly);
        services.AddPermissions(FamilyServicesPermissions.All);

        // Households, services and registrations, reservations and attendance (docs/family-services.md).
        services.AddHouseholds();
        services.AddServicesAndRegistrations();
        services.AddReservations();
        services.AddAttendance();
        return builder;
    }
}
