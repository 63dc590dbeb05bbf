using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Preau.Identity.Accounts;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Identity.Schools;
using Preau.Identity.Structures;
using Preau.Platform.Web;

namespace Preau.Identity.Pages.Admin.Schools;

/// <summary>The schools a user administers (every school for the territory, their own for a head), searchable.</summary>
[Authorize(Policy = IdentityPermissions.ManageSchools)]
internal sealed class IndexModel(IdentityDbContext db, IAccountRelations relations) : PageModel
{
    private const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "inactifs")]
    public bool IncludeInactive { get; set; }

    public PageOf<School> Schools { get; private set; } = new([], 1, PageSize, 0);

    public bool CanCreate { get; private set; }

    public async Task OnGetAsync([FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        var scope = SchoolScope.ManagedBy(await relations.ForUserAsync(User, cancellationToken));
        CanCreate = scope.AllSchools;
        var query = db.Schools.AsNoTracking();
        if (!scope.AllSchools)
        {
            var ids = scope.SchoolIds.ToList();
            query = query.Where(s => ids.Contains(s.Id));
        }

        if (!IncludeInactive)
        {
            query = query.Where(s => s.IsActive);
        }

        if (Search?.Trim() is { Length: > 0 and <= 100 } search)
        {
            var pattern = SearchPattern.Contains(search);
            query = query.Where(s => EF.Functions.Like(s.Name.ToLower(), pattern, SearchPattern.Escape)
                || EF.Functions.Like(s.Uai.ToLower(), pattern, SearchPattern.Escape)
                || (s.City != null && EF.Functions.Like(s.City.ToLower(), pattern, SearchPattern.Escape)));
        }

        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await query.OrderBy(s => s.Name).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Schools = new PageOf<School>(items, page, PageSize, total);
    }
}
