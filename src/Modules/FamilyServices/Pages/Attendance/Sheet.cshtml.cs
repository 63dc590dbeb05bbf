using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Attendance;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Attendance;

/// <summary>
/// The attendance sheet of a service for a day, made for a tablet: one line per child with health flags
/// and the adults allowed to pick them up, and buttons to mark. A plain form; attendance.js keeps the
/// marks made without a connection and sends them when it is back.
/// </summary>
[Authorize(Policy = FamilyServicesPermissions.PointAttendance)]
internal sealed class SheetModel(
    FamilyAccess access,
    AttendanceSheet sheet,
    RecordAttendance record,
    IStructureDirectory directory,
    TenantContext tenant,
    TimeProvider clock,
    IStringLocalizer localizer) : PageModel
{
    public Service Service { get; private set; } = null!;

    public string SchoolName { get; private set; } = string.Empty;

    public DateOnly Day { get; private set; }

    public string? Closed { get; private set; }

    public IReadOnlyList<SheetLine> Lines { get; private set; } = [];

    public bool Hourly => Service.BillingUnit == BillingUnit.PerHour;

    public async Task<IActionResult> OnGetAsync(Guid serviceId, [FromQuery(Name = "date")] string? date, CancellationToken cancellationToken) =>
        await LoadAsync(serviceId, date, cancellationToken) ? Page() : NotFound();

    /// <summary>One mark from the plain form: the button says what and for whom ("Present|{child id}"), the times come with it.</summary>
    public async Task<IActionResult> OnPostMarkAsync(Guid serviceId, [FromQuery(Name = "date")] string? date, [FromForm(Name = "mark")] string? button, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(serviceId, date, cancellationToken))
        {
            return NotFound();
        }

        var parts = (button ?? string.Empty).Split('|');
        if (parts.Length != 2 || !Enum.TryParse<AttendanceMark>(parts[0], out var mark) || !Enum.IsDefined(mark) || !Guid.TryParse(parts[1], out var childId)
            || !ClockTime.TryParse(Request.Form[$"arrivedAt[{childId}]"], out var arrivedAt) || !ClockTime.TryParse(Request.Form[$"leftAt[{childId}]"], out var leftAt))
        {
            this.Flash(localizer["Le pointage n’a pas été enregistré : il est mal formé ou une heure n’est pas valide."]);
            return Redirect(SelfUrl(null));
        }

        var result = (await record.HandleAsync(User.RequiredAccountId(), Service, Day, [new Mark(null, childId, mark, arrivedAt, leftAt, clock.GetUtcNow().UtcDateTime)], cancellationToken))[0];
        var name = Lines.FirstOrDefault(l => l.ChildId == childId)?.DisplayName ?? string.Empty;
        this.Flash(result.Outcome == MarkOutcome.Applied
            ? localizer["{0} : {1}", name, result.State is { } state ? localizer[DayLabels.Of(state)] : localizer["non pointé"]]
            : localizer["{0} : {1}", name, localizer[result.Reason ?? string.Empty]]);
        return Redirect(SelfUrl(childId));
    }

    /// <summary>The labels the script shows, in the reader's language.</summary>
    public string LabelsJson() => JsonSerializer.Serialize(
        Enum.GetValues<DayState>().ToDictionary(s => s.ToString(), s => localizer[DayLabels.Of(s)].Value)
            .Append(new KeyValuePair<string, string>("NotMarked", localizer["non pointé"].Value))
            .ToDictionary());

    private string SelfUrl(Guid? childId) =>
        $"/periscolaire/pointage/{Service.Id}?date={Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}{(childId is { } id ? $"#enfant-{id}" : string.Empty)}";

    private async Task<bool> LoadAsync(Guid serviceId, string? date, CancellationToken cancellationToken)
    {
        if (await access.AuthorizedServiceAsync(User, serviceId, FamilyOperations.Point, cancellationToken) is not { } service)
        {
            return false;
        }

        Service = service;
        SchoolName = (await directory.GetSchoolAsync(service.SchoolId, cancellationToken))?.Name ?? string.Empty;
        Day = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked) ? asked : tenant.Today(clock);
        Closed = await record.CheckDayAsync(service, Day, cancellationToken);
        Lines = Closed is null ? await sheet.LoadAsync(service, Day, cancellationToken) : [];
        return true;
    }
}
