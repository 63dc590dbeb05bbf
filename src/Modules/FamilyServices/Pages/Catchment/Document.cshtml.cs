using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.FamilyServices.Catchment;
using Preau.Platform.Authorization;
using Preau.Platform.Files;

namespace Preau.FamilyServices.Pages.Catchment;

/// <summary>Serves a supporting document of a request to those who may read the request (404 otherwise).</summary>
[Authorize(Policy = Policies.SignedIn)]
internal sealed class DocumentModel(EnrolmentRequests requests, IAuthorizationService authorization, IFileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid documentId, CancellationToken cancellationToken)
    {
        if (await requests.FindAsync(id, cancellationToken) is not { } request
            || request.Documents.FirstOrDefault(d => d.Id == documentId) is not { } document
            || !await authorization.CanAsync(User, request, ResourceAuthorization.Read)
            || await files.OpenReadAsync(document.FileKey, cancellationToken) is not { } stream)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        return File(stream, document.ContentType);
    }
}
