using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Services;
using Preau.Identity.Contracts;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Services;

/// <summary>The town's services per school and school year, with their places and waiting lists.</summary>
[Authorize(Policy = FamilyServicesPermissions.ManageServices)]
internal sealed class IndexModel(FamilyServicesDbContext db, IStructureDirectory directory) : PageModel
{
    private const int PageSize = 50;

    public sealed record Row(Service Service, int Waiting);

    [BindProperty(SupportsGet = true, Name = "ecole")]
    public Guid? SchoolId { get; set; }

    public IReadOnlyList<SchoolInfo> Schools { get; private set; } = [];

    public PageOf<Row> Services { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync([FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        Schools = await directory.ListSchoolsAsync(cancellationToken);
        var query = db.Services.AsNoTracking();
        if (SchoolId is { } school)
        {
            query = query.Where(s => s.SchoolId == school);
        }

        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var services = await query.OrderBy(s => s.SchoolId).ThenBy(s => s.Kind).ThenBy(s => s.Name).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var ids = services.Select(s => s.Id).ToList();
        var waiting = await db.Registrations.AsNoTracking().Where(r => ids.Contains(r.ServiceId) && r.Status == RegistrationStatus.WaitingList)
            .GroupBy(r => r.ServiceId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Services = new PageOf<Row>(services.Select(s => new Row(s, waiting.GetValueOrDefault(s.Id))).ToList(), page, PageSize, total);
    }

    public string SchoolName(Guid id) => Schools.FirstOrDefault(s => s.Id == id)?.Name ?? string.Empty;
}
