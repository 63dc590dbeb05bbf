using Microsoft.Extensions.DependencyInjection;

namespace Preau.FamilyServices.Attendance;

/// <summary>Registration of the attendance capability.</summary>
internal static class AttendanceSetup
{
    public static IServiceCollection AddAttendance(this IServiceCollection services)
    {
        services.AddScoped<RecordAttendance>();
        services.AddScoped<AttendanceSheet>();
        return services;
    }
}
