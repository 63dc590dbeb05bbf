using Microsoft.Extensions.DependencyInjection;

namespace Preau.FamilyServices.Reservations;

/// <summary>Registration of the reservations capability.</summary>
internal static class ReservationsSetup
{
    public static IServiceCollection AddReservations(this IServiceCollection services)
    {
        services.AddScoped<ChangeReservations>();
        services.AddScoped<ApplyWeeklyPattern>();
        services.AddScoped<ReservationCalendar>();
        services.AddScoped<ExpectedNumbers>();
        services.AddScoped<StaffSchools>();
        return services;
    }
}
