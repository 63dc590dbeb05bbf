using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Preau.FamilyServices.Data;
using Preau.Platform.Data;
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
        // What the family's home shows of its households and bookings (docs/decisions/0020).
        services.AddScopeTrigger<FamilyServicesDbContext, HouseholdMember>(nameof(HouseholdMember.PersonId), nameof(HouseholdMember.HouseholdId));
        services.AddScopeTrigger<FamilyServicesDbContext, SupportingDocument>(nameof(SupportingDocument.HouseholdId));
        services.AddScopeTrigger<FamilyServicesDbContext, Reservations.ChildDay>(nameof(Reservations.ChildDay.ChildId));
        services.AddScopeTrigger<FamilyServicesDbContext, Services.Registration>(nameof(Services.Registration.ChildId));
        services.AddScopeTrigger<FamilyServicesDbContext, Services.Service>(nameof(Services.Service.Id));
        return services;
    }
}
