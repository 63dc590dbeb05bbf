using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Preau.FamilyServices.Attendance;
using Preau.FamilyServices.Audit;
using Preau.FamilyServices.Catchment;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Demo;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Invoicing;
using Preau.FamilyServices.Menus;
using Preau.FamilyServices.QuotientFamilial;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;
using Preau.FamilyServices.Statistics;
using Preau.FamilyServices.Synthetic;
using Preau.FamilyServices.Tariffs;
using Preau.Platform.Authorization;
using Preau.Platform.Data;
using Preau.Platform.Demo;
using Preau.Platform.Privacy;
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

        // Erasure runs the sources in registration order: the quotients of a guardian alone in a household
        // are found through the household's membership, which the households' own source then deletes.
        services.AddScoped<IPersonalDataSource, QuotientAndEnrolmentPersonalData>();

        // Households, services and registrations, reservations and attendance.
        services.AddHouseholds();
        services.AddServicesAndRegistrations();
        services.AddReservations();
        services.AddAttendance();
        services.AddFamilyActivityData();
        services.AddStatistics(); // attendance, registrations, estimated amounts (docs/family-services.md, Statistics)
        services.AddSingleton(new StyleSheet("/_content/Preau.FamilyServices/familyservices.css"));
        services.AddHttpContextAccessor();

        // Quotient familial, tariffs, menus, enrolment and catchment.
        services.AddScoped<FamilyServicesAudit>();
        services.AddScoped<IHouseholdDirectory, HouseholdDirectory>();
        services.AddScoped<IAuthorizationHandler, QuotientAuthorizationHandler>();
        services.AddScoped<QuotientQueries>();
        services.AddScoped<SubmitQuotient>();
        services.AddScoped<ReviewQuotient>();
        services.AddScoped<SaveQuotientRule>();
        services.AddScoped<TariffQueries>();
        services.AddScoped<EditTariffVersion>();
        services.AddScoped<PriceServiceDay>();
        services.AddScoped<MenuQueries>();
        services.AddScoped<EditMenu>();
        services.AddScoped<ICanteenRoster, CanteenRoster>();
        services.AddScoped<IHomeSection, MenuHomeSection>();
        services.AddScopeTrigger<FamilyServicesDbContext, MenuSchool>(nameof(MenuSchool.SchoolId));
        services.AddScopeTrigger<FamilyServicesDbContext, MenuWeek>(nameof(MenuWeek.TerritoryId));
        services.AddScopeTrigger<FamilyServicesDbContext, MenuDish>(nameof(MenuDish.TerritoryId));
        services.AddScoped<CatchmentLookup>();
        services.AddScoped<EditCatchment>();
        services.AddScoped<EnrolmentRequests>();
        services.AddScoped<IAuthorizationHandler, EnrolmentAuthorizationHandler>();
        services.AddScoped<IDemoSeed, QuotientTariffsMenusDemoSeed>();
        services.AddScoped<ISyntheticData, QuotientTariffsMenusSyntheticData>();

        // Invoices and payments.
        services.AddInvoicing(builder.Configuration);

        services.AddSingleton(new NavigationEntry("Ma famille", "/famille", FamilyServicesPermissions.FamilyPortal, 30));
        services.AddSingleton(new NavigationEntry("Réservations", "/reservations", FamilyServicesPermissions.FamilyPortal, 31));
        services.AddSingleton(new NavigationEntry("Services aux familles", "/gestion/inscriptions", FamilyServicesPermissions.ManageServices, 30));
        services.AddSingleton(new NavigationEntry("Pointage", "/periscolaire/pointage", FamilyServicesPermissions.PointAttendance, 32));
        services.AddSingleton(new NavigationEntry("Effectifs", "/periscolaire/effectifs", FamilyServicesPermissions.ReadExpectedNumbers, 33));
        services.AddSingleton(new NavigationEntry("Quotient familial", "/quotient-familial", FamilyServicesPermissions.DeclareQuotient, 40));
        services.AddSingleton(new NavigationEntry("Quotients familiaux", "/quotient-familial", FamilyServicesPermissions.ManageQuotients, 41));
        services.AddSingleton(new NavigationEntry("Tarifs", "/tarifs", FamilyServicesPermissions.ReadTariffs, 42));
        services.AddSingleton(new NavigationEntry("Menus", "/menus", Policies.SignedIn, 43));
        services.AddSingleton(new NavigationEntry("Inscription scolaire", "/inscription-scolaire", FamilyServicesPermissions.RequestEnrolment, 44));
        services.AddSingleton(new NavigationEntry("Inscriptions scolaires", "/inscription-scolaire/instruction", FamilyServicesPermissions.DecideEnrolment, 45));
        services.AddSingleton(new NavigationEntry("Carte scolaire", "/carte-scolaire", FamilyServicesPermissions.ManageCatchment, 46));
        services.AddSingleton(new NavigationEntry("Élèves inscrits", "/inscription-scolaire/ecole", FamilyServicesPermissions.ReceiveEnrolments, 47));
        services.AddSingleton(new NavigationEntry("Liste de cantine", "/menus/cantine", FamilyServicesPermissions.ReadCanteenList, 48));
        services.AddSingleton(new NavigationEntry("Factures", "/famille/factures", FamilyServicesPermissions.PayInvoices, 32));
        services.AddSingleton(new NavigationEntry("Facturation", "/gestion/facturation", FamilyServicesPermissions.ManageInvoices, 31));
        return builder;
    }

    /// <summary>Maps the module's /api/v1 endpoints (each with its policy): households, reservations and attendance under /api/v1/family, the public menus and catchment lookup.</summary>
    public static WebApplication MapFamilyServicesApi(this WebApplication app)
    {
        var family = app.MapGroup("/api/v1/family").WithTags("Services aux familles");
        HouseholdsApi.Map(family);
        ReservationsApi.Map(family);
        AttendanceApi.Map(family);
        StatisticsApi.Map(family);

        var api = app.MapGroup("/api/v1");
        MenusApi.Map(api);
        CatchmentApi.Map(api);
        InvoicingApi.Map(family, api);
        return app;
    }
}
