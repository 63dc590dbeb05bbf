using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.FamilyServices.Reservations;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Pages.Attendance;

/// <summary>The staff's list of the day's services in their schools, with how many children are expected, to open a sheet.</summary>
[Authorize(Policy = FamilyServicesPermissions.PointAttendance)]
internal sealed class IndexModel(ExpectedNumbers numbers, StaffSchools staffSchools, TenantContext tenant, TimeProvider clock) : PageModel
{
    public DateOnly Day { get; private set; }

    public IReadOnlyList<SchoolInfo> Schools { get; private set; } = [];

    public Guid? SchoolId { get; private set; }

    public IReadOnlyList<ServiceNumbers> Services { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "date")] string? date, [FromQuery(Name = "ecole")] Guid? schoolId, CancellationToken cancellationToken)
    {
        var today = tenant.Today(clock);
        Day = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked) && asked <= today && today.DayNumber - asked.DayNumber < 400 ? asked : today;
        Schools = await staffSchools.OfAsync(User, Profile.AfterSchoolStaff, cancellationToken);
        SchoolId = Schools.Any(s => s.Id == schoolId) ? schoolId : Schools.Count <= MaxSchoolsAtOnce ? null : Schools[0].Id;
        var shown = SchoolId is { } id ? Schools.Where(s => s.Id == id).ToList() : Schools;
        Services = await numbers.LoadAsync(Day, shown, cancellationToken);
    }

    /// <summary>Above this many schools (the town's agent), one school at a time.</summary>
    private const int MaxSchoolsAtOnce = 5;
}
