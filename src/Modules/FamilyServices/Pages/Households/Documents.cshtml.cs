using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Households;

/// <summary>A household's supporting documents: what it gave, what the town said, and a form to give more.</summary>
[Authorize(Policy = FamilyServicesPermissions.ReadHouseholds)]
[RequestFormLimits(ValueLengthLimit = PlainText.MaxFormValueBytes)]
internal sealed class DocumentsModel(FamilyAccess access, HouseholdQueries queries, SupportingDocuments documents, FamilyServicesDbContext db, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public DocumentField Input { get; set; } = new();

    public HouseholdView Household { get; private set; } = null!;

    public IReadOnlyList<SupportingDocument> Documents { get; private set; } = [];

    private HouseholdResource _resource = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var (document, problems) = await documents.UploadAsync(_resource, User.RequiredAccountId(), Input.Kind, Input.ChildId, Input.File, nameof(DocumentField.File), cancellationToken);
            if (document is not null)
            {
                await db.SaveChangesAsync(cancellationToken);
                this.Flash(localizer["Le justificatif est déposé : la ville va le vérifier."]);
                return RedirectToPage(new { id });
            }

            problems.AddTo(ModelState, localizer);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.AuthorizedHouseholdAsync(User, id, ResourceAuthorization.Manage, cancellationToken) is not { } resource
            || await queries.GetAsync(id, cancellationToken) is not { } household)
        {
            return false;
        }

        (_resource, Household) = (resource, household);
        Documents = await db.SupportingDocuments.AsNoTracking().Where(d => d.HouseholdId == id).OrderByDescending(d => d.UploadedAt).ToListAsync(cancellationToken);
        return true;
    }
}

internal sealed class DocumentField
{
    public DocumentKind Kind { get; set; } = DocumentKind.ProofOfAddress;

    public Guid? ChildId { get; set; }

    public IFormFile? File { get; set; }
}
