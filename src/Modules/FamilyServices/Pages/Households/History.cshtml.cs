using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Households;

/// <summary>Every change of a household, newest first, with who made it: for its guardians and the town's agent.</summary>
[Authorize(Policy = FamilyServicesPermissions.ReadHouseholds)]
internal sealed class HistoryModel(FamilyAccess access, FamilyServicesDbContext db, IStructureDirectory directory) : PageModel
{
    private const int PageSize = 30;

    public Guid HouseholdId { get; private set; }

    public string HouseholdName { get; private set; } = string.Empty;

    public PageOf<HouseholdChange> Changes { get; private set; } = new([], 1, PageSize, 0);

    public IReadOnlyDictionary<Guid, string> Actors { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        if (await access.AuthorizedHouseholdAsync(User, id, ResourceAuthorization.Read, cancellationToken) is null)
        {
            return NotFound();
        }

        HouseholdId = id;
        HouseholdName = await db.Households.Where(h => h.Id == id).Select(h => h.Name).FirstAsync(cancellationToken);
        var query = db.HouseholdChanges.AsNoTracking().Where(c => c.HouseholdId == id);
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await query.OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Changes = new PageOf<HouseholdChange>(items, page, PageSize, total);
        Actors = (await directory.GetPeopleAsync(items.Where(c => c.ActorId is not null).Select(c => c.ActorId!.Value), cancellationToken)).ToDictionary(p => p.Id, p => p.DisplayName);
        return Page();
    }
}
