using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.Platform.Authorization;

namespace Preau.FamilyServices.Pages.Households;

/// <summary>Serves a supporting document's file to its household's guardians and the town's agent only.</summary>
[Authorize(Policy = FamilyServicesPermissions.ReadHouseholds)]
internal sealed class DocumentModel(FamilyAccess access, SupportingDocuments documents, FamilyServicesDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var document = await db.SupportingDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null || await access.AuthorizedHouseholdAsync(User, document.HouseholdId, ResourceAuthorization.Read, cancellationToken) is null
            || await documents.OpenAsync(document, cancellationToken) is not { } content)
        {
            return NotFound();
        }

        // A download, never rendered in the page's origin (an uploaded file is not trusted content).
        return File(content, document.ContentType, document.FileName);
    }
}
