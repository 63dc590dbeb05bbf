using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Preau.FamilyServices.Attendance;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;
using Preau.FamilyServices.Synthetic;
using Preau.Platform.Authorization;
using Preau.Platform.Data;
using Preau.Platform.Localization;
using Preau.Platform.Web;

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
        services.AddFamilyActivityData();
        services.AddSingleton(new StyleSheet("/_content/Preau.FamilyServices/familyservices.css"));
        services.AddSingleton(new NavigationEntry("Ma famille", "/famille", FamilyServicesPermissions.FamilyPortal, 30));
        services.AddSingleton(new NavigationEntry("Réservations", "/reservations", FamilyServicesPermissions.FamilyPortal, 31));
        services.AddSingleton(new NavigationEntry("Services aux familles", "/gestion/inscriptions", FamilyServicesPermissions.ManageServices, 30));
        services.AddSingleton(new NavigationEntry("Pointage", "/periscolaire/pointage", FamilyServicesPermissions.PointAttendance, 32));
        services.AddSingleton(new NavigationEntry("Effectifs", "/periscolaire/effectifs", FamilyServicesPermissions.ReadExpectedNumbers, 33));
        return builder;
    }

    /// <summary>Maps the module's API under /api/v1/family (each endpoint with its policy).</summary>
    public static WebApplication MapFamilyServicesApi(this WebApplication app)
    {
        // Households, reservations and attendance (docs/family-services.md, API).
        var family = app.MapGroup("/api/v1/family").WithTags("Services aux familles");
        HouseholdsApi.Map(family);
        ReservationsApi.Map(family);
        AttendanceApi.Map(family);
        return app;
    }
}
