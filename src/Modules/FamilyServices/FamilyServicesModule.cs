using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Preau.FamilyServices.Audit;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.QuotientFamilial;
using Preau.FamilyServices.Tariffs;
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
        services.AddSingleton(new StyleSheet("/_content/Preau.FamilyServices/familyservices.css"));
        services.AddHttpContextAccessor();

        // Quotient familial, tariffs, menus, enrolment and catchment (branch family-b).
        services.AddScoped<FamilyServicesAudit>();
        services.AddScoped<IHouseholdDirectory, GuardianLinkHouseholds>();
        services.AddScoped<IAuthorizationHandler, QuotientAuthorizationHandler>();
        services.AddScoped<QuotientQueries>();
        services.AddScoped<SubmitQuotient>();
        services.AddScoped<ReviewQuotient>();
        services.AddScoped<SaveQuotientRule>();
        services.AddScoped<TariffQueries>();
        services.AddScoped<EditTariffVersion>();
        services.AddScoped<PriceServiceDay>();
        services.AddSingleton(new NavigationEntry("Quotient familial", "/quotient-familial", FamilyServicesPermissions.DeclareQuotient, 40));
        services.AddSingleton(new NavigationEntry("Quotients familiaux", "/quotient-familial", FamilyServicesPermissions.ManageQuotients, 41));
        services.AddSingleton(new NavigationEntry("Tarifs", "/tarifs", FamilyServicesPermissions.ReadTariffs, 42));
        return builder;
    }
}
