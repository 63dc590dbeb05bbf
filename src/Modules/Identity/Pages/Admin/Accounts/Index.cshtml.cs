using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Accounts;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Identity.Structures;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Identity.Pages.Admin.Accounts;

/// <summary>Accounts of the user's scope (the territory, or a head's school), searched by name or login.</summary>
[Authorize(Policy = IdentityPermissions.ManageAccounts)]
internal sealed class IndexModel(IdentityDbContext db, IAccountRelations relations, ManagedAccounts managed, IStringLocalizer localizer) : PageModel
{
    private const int PageSize = 30;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "profil")]
    public Profile? ProfileFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "non-actives")]
    public bool NotActivatedOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "inactifs")]
    public bool IncludeInactive { get; set; }

    public PageOf<AccountRow> Accounts { get; private set; } = new([], 1, PageSize, 0);

    public IEnumerable<SelectListItem> ProfileItems => Profiles.All.Select(p => new SelectListItem(localizer[AdminLabels.Of(p)], p.ToString(), p == ProfileFilter));

    public async Task OnGetAsync([FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        var scope = SchoolScope.ManagedBy(await relations.ForUserAsync(User, cancellationToken));
        var query = scope.AllSchools
            ? db.Accounts.AsNoTracking()
            : managed.LinkedTo(scope.SchoolIds.ToList()).AsNoTracking().Where(a => (a.Profiles & ~IdentityAuthorizationHandler.HeadManageableProfiles) == 0);
        if (!IncludeInactive)
        {
            query = query.Where(a => a.IsActive);
        }

        if (ProfileFilter is { } profile && Profiles.All.Contains(profile))
        {
            query = query.Where(a => (a.Profiles & profile) != 0);
        }

        if (NotActivatedOnly)
        {
            query = query.Where(a => a.PasswordHash == null);
        }

        // Every word typed must match the first name, the last name or the login.
        foreach (var word in (Search ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(4).Where(w => w.Length <= 100))
        {
            var pattern = SearchPattern.Contains(word);
            query = query.Where(a => EF.Functions.Like(a.LastName.ToLower(), pattern, SearchPattern.Escape)
                || EF.Functions.Like(a.FirstName.ToLower(), pattern, SearchPattern.Escape)
                || EF.Functions.Like(a.UserName!.ToLower(), pattern, SearchPattern.Escape));
        }

        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await query.OrderBy(a => a.LastName).ThenBy(a => a.FirstName).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new AccountRow(a.Id, a.FirstName, a.LastName, a.UserName!, a.Profiles, a.IsActive, a.PasswordHash != null))
            .ToListAsync(cancellationToken);
        Accounts = new PageOf<AccountRow>(items, page, PageSize, total);
    }
}

internal sealed record AccountRow(Guid Id, string FirstName, string LastName, string Login, Profile Profiles, bool IsActive, bool IsActivated);
