using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Audit;
using Preau.Identity.Data;
using Preau.Identity.Structures;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;

namespace Preau.Identity.Pages.Admin.Audit;

/// <summary>The territory's audit log, newest first, filtered by action, period and person, with a CSV export.</summary>
[Authorize(Policy = IdentityPermissions.ReadAuditLog)]
internal sealed class IndexModel(IdentityDbContext db, SearchAuditLog log, ILookupNormalizer normalizer, TenantContext tenant, TimeProvider clock, IStringLocalizer localizer) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "action")]
    public AuditAction? Action { get; set; }

    [BindProperty(SupportsGet = true, Name = "du")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "au")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "personne")]
    public Guid? PersonId { get; set; }

    [BindProperty(SupportsGet = true, Name = "identifiant")]
    public string? Login { get; set; }

    public string? PersonName { get; private set; }

    public PageOf<AuditLine> Lines { get; private set; } = new([], 1, PageSize, 0);

    public IEnumerable<SelectListItem> Actions => Enum.GetValues<AuditAction>()
        .Select(a => new SelectListItem(localizer[AdminLabels.Of(a)], a.ToString(), a == Action)).OrderBy(i => i.Text, StringComparer.CurrentCulture);

    public async Task OnGetAsync([FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        var filter = await FilterAsync(cancellationToken);
        if (filter is null)
        {
            return;
        }

        var query = log.Query(filter);
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var entries = await query.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Lines = new PageOf<AuditLine>(await log.WithNamesAsync(entries, cancellationToken), page, PageSize, total);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        if (await FilterAsync(cancellationToken) is not { } filter)
        {
            await OnGetAsync(1, cancellationToken);
            return Page();
        }

        Response.Headers.CacheControl = "no-store";
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"journal-audit-{tenant.Today(clock):yyyy-MM-dd}.csv\"";
        await log.WriteCsvAsync(filter, text => localizer[text], Response.Body, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>The filter typed, or null (with a message) when it cannot be applied.</summary>
    private async Task<AuditFilter?> FilterAsync(CancellationToken cancellationToken)
    {
        if (From is { } from && To is { } to && to < from)
        {
            ModelState.AddModelError("au", localizer["La fin de la période doit suivre son début."]);
            return null;
        }

        if (!string.IsNullOrWhiteSpace(Login) && PersonId is null)
        {
            var login = Login.Trim();
            PersonId = login.Length > 100 ? null : await db.Accounts.AsNoTracking().Where(a => a.NormalizedUserName == normalizer.NormalizeName(login)).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
            if (PersonId is null)
            {
                ModelState.AddModelError("identifiant", localizer["Aucun compte du territoire ne porte cet identifiant."]);
                return null;
            }
        }

        if (PersonId is { } personId)
        {
            PersonName = await db.Accounts.AsNoTracking().Where(a => a.Id == personId).Select(a => a.FirstName + " " + a.LastName + " (" + a.UserName + ")").FirstOrDefaultAsync(cancellationToken);
        }

        return new AuditFilter(Action is { } action && Enum.IsDefined(action) ? action : null, From, To, PersonId);
    }
}
