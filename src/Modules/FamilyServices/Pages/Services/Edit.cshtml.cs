using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Services;
using Preau.Identity.Contracts;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Services;

/// <summary>The agent defines a service of a school (new) or changes it: calendar, billing unit, booking deadline, capacity, documents, stops.</summary>
[Authorize(Policy = FamilyServicesPermissions.ManageServices)]
[RequestFormLimits(ValueLengthLimit = PlainText.MaxFormValueBytes)]
internal sealed class EditModel(FamilyServicesDbContext db, IStructureDirectory directory, SaveService save, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public ServiceForm Input { get; set; } = new();

    public bool IsNew { get; private set; }

    public int PlacesTaken { get; private set; }

    public IReadOnlyList<SelectListItem> Schools { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (id is { } serviceId)
        {
            var service = await db.Services.AsNoTracking().Include(s => s.Stops).FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
            if (service is null)
            {
                return NotFound();
            }

            Input = ServiceForm.From(service);
            PlacesTaken = service.PlacesTaken;
        }
        else if (await directory.GetCurrentSchoolYearAsync(cancellationToken) is { } year)
        {
            Input.StartsOn = year.StartsOn;
            Input.EndsOn = year.EndsOn;
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var (savedId, problems) = await save.HandleAsync(id, Input.ToInput(), cancellationToken);
            if (savedId is not null)
            {
                this.Flash(localizer["Le service « {0} » est enregistré.", Input.Name ?? string.Empty]);
                return Redirect("/gestion/prestations");
            }

            problems.AddTo(ModelState, localizer);
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid? id, CancellationToken cancellationToken)
    {
        IsNew = id is null;
        if (id is { } serviceId)
        {
            PlacesTaken = await db.Services.Where(s => s.Id == serviceId).Select(s => s.PlacesTaken).FirstOrDefaultAsync(cancellationToken);
        }

        Schools = (await directory.ListSchoolsAsync(cancellationToken)).Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToList();
    }
}

internal sealed class ServiceForm
{
    public Guid SchoolId { get; set; }

    public ServiceKind Kind { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public List<Weekdays> Days { get; set; } = [Weekdays.Monday, Weekdays.Tuesday, Weekdays.Thursday, Weekdays.Friday];

    public bool DuringHolidays { get; set; }

    public TimeOnly? OpensAt { get; set; }

    public TimeOnly? ClosesAt { get; set; }

    public BillingUnit BillingUnit { get; set; }

    public bool RequiresReservation { get; set; } = true;

    public bool RequiresApproval { get; set; }

    public int? Capacity { get; set; }

    public int? DailyCapacity { get; set; }

    public int DeadlineWorkingDays { get; set; } = 2;

    public TimeOnly? DeadlineTime { get; set; } = new(10, 0);

    public LateChangePolicy LateChanges { get; set; }

    public List<DocumentKind> RequiredDocuments { get; set; } = [];

    public bool RegistrationOpen { get; set; } = true;

    public string? Stops { get; set; }

    public static ServiceForm From(Service service) => new()
    {
        SchoolId = service.SchoolId,
        Kind = service.Kind,
        Name = service.Name,
        Description = service.Description,
        StartsOn = service.StartsOn,
        EndsOn = service.EndsOn,
        Days = WeekdaySet.Ordered.Select(d => d.Day).Where(d => (service.Days & d) != Weekdays.None).ToList(),
        DuringHolidays = service.DuringHolidays,
        OpensAt = service.OpensAt,
        ClosesAt = service.ClosesAt,
        BillingUnit = service.BillingUnit,
        RequiresReservation = service.RequiresReservation,
        RequiresApproval = service.RequiresApproval,
        Capacity = service.Capacity,
        DailyCapacity = service.DailyCapacity,
        DeadlineWorkingDays = service.DeadlineWorkingDays,
        DeadlineTime = service.DeadlineTime,
        LateChanges = service.LateChanges,
        RequiredDocuments = SupportingDocuments.In(service.RequiredDocuments).ToList(),
        RegistrationOpen = service.RegistrationOpen,
        Stops = string.Join('\n', service.Stops.OrderBy(s => s.Position).Select(s => string.Join(" ; ", new[] { s.Name, s.MorningTime?.ToString("HH:mm"), s.EveningTime?.ToString("HH:mm") }.Where(p => p is not null)))),
    };

    public ServiceInput ToInput() => new(
        SchoolId, Kind, Name, Description, StartsOn, EndsOn,
        Days.Aggregate(Weekdays.None, (all, d) => all | d), DuringHolidays, OpensAt, ClosesAt, BillingUnit,
        RequiresReservation, RequiresApproval, Capacity, DailyCapacity, DeadlineWorkingDays, DeadlineTime, LateChanges,
        RequiredDocuments.Aggregate(DocumentKind.None, (all, d) => all | d), RegistrationOpen, Stops);
}
