using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Households;

/// <summary>The town's agent checks the documents households uploaded: validated, or rejected with a reason.</summary>
[Authorize(Policy = FamilyServicesPermissions.ManageHouseholds)]
[RequestFormLimits(ValueLengthLimit = PlainText.MaxFormValueBytes)]
internal sealed class ReviewModel(FamilyServicesDbContext db, SupportingDocuments documents, IStringLocalizer localizer) : PageModel
{
    private const int PageSize = 30;

    public sealed record Row(SupportingDocument Document, string HouseholdName);

    public PageOf<Row> Pending { get; private set; } = new([], 1, PageSize, 0);

    [BindProperty]
    public Guid DocumentId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task OnGetAsync([FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        var query = from d in db.SupportingDocuments.AsNoTracking()
                    join h in db.Households.AsNoTracking() on d.HouseholdId equals h.Id
                    where d.Status == DocumentStatus.Pending
                    select new { Document = d, h.Name };
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await query.OrderBy(x => x.Document.UploadedAt).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Pending = new PageOf<Row>(rows.Select(r => new Row(r.Document, r.Name)).ToList(), page, PageSize, total);
    }

    public Task<IActionResult> OnPostValidateAsync(CancellationToken cancellationToken) => ReviewAsync(true, cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken) => ReviewAsync(false, cancellationToken);

    private async Task<IActionResult> ReviewAsync(bool accept, CancellationToken cancellationToken)
    {
        var problems = await documents.ReviewAsync(User.RequiredAccountId(), DocumentId, accept, Reason, cancellationToken);
        if (problems.Count == 0)
        {
            this.Flash(accept ? localizer["Le justificatif est validé."] : localizer["Le justificatif est refusé ; le foyer en est informé."]);
            return RedirectToPage();
        }

        problems.AddTo(ModelState, localizer, prefix: string.Empty);
        await OnGetAsync(1, cancellationToken);
        return Page();
    }
}
