using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Households;

/// <summary>The town's agent's list of households, and the creation of a school's households from the rosters.</summary>
[Authorize(Policy = FamilyServicesPermissions.ManageHouseholds)]
internal sealed class ManageModel(FamilyServicesDbContext db, IStructureDirectory directory, CreateHouseholdsFromRoster create, IStringLocalizer localizer) : PageModel
{
    private const int PageSize = 50;

    public sealed record Row(Guid Id, string Name, HouseholdStatus Status, string? City, int Guardians, int Children);

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "statut")]
    public HouseholdStatus? Status { get; set; }

    [BindProperty]
    public Guid SchoolId { get; set; }

    public PageOf<Row> Households { get; private set; } = new([], 1, PageSize, 0);

    public IReadOnlyList<SchoolInfo> Schools { get; private set; } = [];

    public async Task OnGetAsync([FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        Schools = await directory.ListSchoolsAsync(cancellationToken);
        var query = db.Households.AsNoTracking();
        if (PlainText.Clean(Search) is { Length: <= 100 } search)
        {
            var pattern = $"%{search.Replace("%", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal)}%";
            query = query.Where(h => EF.Functions.Like(h.Name, pattern));
        }

        if (Status is { } status)
        {
            query = query.Where(h => h.Status == status);
        }

        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await query.OrderBy(h => h.Name).ThenBy(h => h.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(h => new Row(h.Id, h.Name, h.Status, h.City,
                h.Members.Count(m => m.Role == MemberRole.Guardian), h.Members.Count(m => m.Role == MemberRole.Child)))
            .ToListAsync(cancellationToken);
        Households = new PageOf<Row>(rows, page, PageSize, total);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (await directory.GetSchoolAsync(SchoolId, cancellationToken) is not { } school)
        {
            ModelState.AddModelError(nameof(SchoolId), localizer["Choisissez une école de la liste."]);
            await OnGetAsync(1, cancellationToken);
            return Page();
        }

        var result = await create.HandleAsync(User.RequiredAccountId(), school.Id, cancellationToken);
        this.Flash(localizer["{0} : {1} foyer(s) créé(s), {2} enfant(s) ajouté(s) à des foyers existants.", school.Name, result.HouseholdsCreated, result.ChildrenAdded]);
        return RedirectToPage();
    }
}
