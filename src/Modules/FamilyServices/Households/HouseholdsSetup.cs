using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Web;
using Preau.Platform.Privacy;

namespace Preau.FamilyServices.Households;

/// <summary>Registration of the households capability.</summary>
internal static class HouseholdsSetup
{
    public static IServiceCollection AddHouseholds(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, FamilyAuthorizationHandler>();
        services.AddScoped<FamilyAccess>();
        services.AddScoped<HouseholdHistory>();
        services.AddScoped<HouseholdQueries>();
        services.AddScoped<FormHousehold>();
        services.AddScoped<CreateHouseholdsFromRoster>();
        services.AddScoped<UpdateHouseholdContacts>();
        services.AddScoped<ManageAuthorizedPickups>();
        services.AddScoped<UpdateMedicalInfo>();
        services.AddScoped<SupportingDocuments>();
        services.AddScoped<IPersonalDataSource, FamilyPersonalData>();
        services.AddScoped<IHomeSection, FamilyHomeSection>();
        return services;
    }
}
