using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Services;
using Preau.Identity.Contracts;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Services;

/// <summary>The agent's registrations to handle: pending first, filtered by state, school or service.</summary>
[Authorize(Policy = FamilyServicesPermissions.ManageServices)]
internal sealed class RegistrationsModel(FamilyServicesDbContext db, IStructureDirectory directory) : PageModel
{
    private const int PageSize = 50;

    public sealed record Row(Registration Registration, string ServiceName, string SchoolName, string ChildName, string? ClassName);

    [BindProperty(SupportsGet = true, Name = "statut")]
    public RegistrationStatus? Status { get; set; } = RegistrationStatus.Pending;

    [BindProperty(SupportsGet = true, Name = "prestation")]
    public Guid? ServiceId { get; set; }

    public string? ServiceName { get; private set; }

    public PageOf<Row> Registrations { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync([FromQuery] int page = 1, [FromQuery(Name = "tous")] bool all = false, CancellationToken cancellationToken = default)
    {
        if (all || ServiceId is not null && !Request.Query.ContainsKey("statut"))
        {
            Status = null;
        }

        var query = from r in db.Registrations.AsNoTracking()
                    join s in db.Services.AsNoTracking() on r.ServiceId equals s.Id
                    select new { Registration = r, Service = s };
        if (Status is { } status)
        {
            query = query.Where(x => x.Registration.Status == status);
        }

        if (ServiceId is { } serviceId)
        {
            query = query.Where(x => x.Service.Id == serviceId);
            ServiceName = await db.Services.Where(s => s.Id == serviceId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        }

        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await query
            .OrderBy(x => x.Registration.Status == RegistrationStatus.WaitingList ? x.Registration.QueuedAt : x.Registration.SubmittedAt)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var pupils = (await directory.GetPupilsAsync(items.Select(x => x.Registration.ChildId), cancellationToken)).ToDictionary(p => p.Id);
        var schools = (await directory.GetSchoolsAsync(items.Select(x => x.Service.SchoolId), cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
        Registrations = new PageOf<Row>(items.Select(x => new Row(
            x.Registration, x.Service.Name, schools.GetValueOrDefault(x.Service.SchoolId) ?? string.Empty,
            pupils.TryGetValue(x.Registration.ChildId, out var pupil) ? pupil.DisplayName : string.Empty, pupil?.ClassName)).ToList(), page, PageSize, total);
    }
}
