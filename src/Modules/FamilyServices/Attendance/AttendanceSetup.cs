using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Attendance;

/// <summary>Registration of the attendance capability.</summary>
internal static class AttendanceSetup
{
    public static IServiceCollection AddAttendance(this IServiceCollection services)
    {
        services.AddScoped<RecordAttendance>();
        services.AddScoped<AttendanceSheet>();
        services.AddScoped<IHomeSection, StaffHomeSection>();
        return services;
    }
}
