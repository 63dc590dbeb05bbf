using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Reservations;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Pages.Reservations;

/// <summary>
/// The expected numbers of a day (the next school day by default) per school and service, for the staff
/// of the school, its head and the town's agent; with a CSV export for the kitchen.
/// </summary>
[Authorize(Policy = FamilyServicesPermissions.ReadExpectedNumbers)]
internal sealed class NumbersModel(ExpectedNumbers numbers, StaffSchools staffSchools, IStructureDirectory directory, TenantContext tenant, TimeProvider clock, IStringLocalizer localizer) : PageModel
{
    /// <summary>Schools per page for the agent (every school of a département does not fit on one page).</summary>
    public const int SchoolsPerPage = 20;

    public DateOnly Day { get; private set; }

    public IReadOnlyList<SchoolInfo> Schools { get; private set; } = [];

    public Guid? SchoolId { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public IReadOnlyList<ServiceNumbers> Numbers { get; private set; } = [];

    public bool IsAgent => User.HasAnyProfile(Profile.MunicipalAgent);

    public async Task OnGetAsync([FromQuery(Name = "date")] string? date, [FromQuery(Name = "ecole")] Guid? schoolId, [FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        var shown = await PrepareAsync(date, schoolId, cancellationToken);
        PageCount = Math.Max(1, (shown.Count + SchoolsPerPage - 1) / SchoolsPerPage);
        PageNumber = Math.Clamp(page, 1, PageCount);
        Numbers = await numbers.LoadAsync(Day, shown.Skip((PageNumber - 1) * SchoolsPerPage).Take(SchoolsPerPage).ToList(), cancellationToken);
    }

    /// <summary>The whole day as CSV (every school the user sees, or the one chosen).</summary>
    public async Task<IActionResult> OnGetCsvAsync([FromQuery(Name = "date")] string? date, [FromQuery(Name = "ecole")] Guid? schoolId, CancellationToken cancellationToken)
    {
        var shown = await PrepareAsync(date, schoolId, cancellationToken);
        var rows = await numbers.LoadAsync(Day, shown, cancellationToken);
        var csv = ExpectedNumbers.ToCsv(Day, rows, key => localizer[key]);
        return File(csv, "text/csv; charset=utf-8", $"effectifs-{Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv");
    }

    private async Task<IReadOnlyList<SchoolInfo>> PrepareAsync(string? date, Guid? schoolId, CancellationToken cancellationToken)
    {
        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);
        Day = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked) && Math.Abs(asked.DayNumber - tenant.Today(clock).DayNumber) < 800
            ? asked
            : calendar.NextWorkingDay(tenant.Today(clock));
        Schools = await staffSchools.OfAsync(User, Profile.AfterSchoolStaff | Profile.Head, cancellationToken);
        SchoolId = Schools.Any(s => s.Id == schoolId) ? schoolId : null;
        return SchoolId is { } id ? Schools.Where(s => s.Id == id).ToList() : Schools;
    }

    public string DayUrl(DateOnly day, int page = 1) =>
        $"/periscolaire/effectifs?date={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}{(SchoolId is { } s ? $"&ecole={s}" : string.Empty)}{(page > 1 ? $"&page={page}" : string.Empty)}";
}
