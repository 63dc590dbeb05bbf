using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Preau.Platform.Authorization;
using Preau.Platform.Files;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Homework;

namespace Preau.SchoolLife.Pages.Homework;

/// <summary>Serves a document of a session to those who read the session, and to nobody else (404).</summary>
[Authorize(Policy = SchoolLifePermissions.ReadHomework)]
internal sealed class AttachmentModel(SchoolLifeDbContext db, HomeworkAccess access, IFileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var attachment = await db.HomeworkAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (attachment is null
            || await access.EntryAsync(User, attachment.EntryId, ResourceAuthorization.Read, tracked: false, cancellationToken) is null
            || await files.OpenReadAsync(attachment.FileKey, cancellationToken) is not { } content)
        {
            return NotFound();
        }

        // Images and PDF open in the browser; text is served as plain text. The type comes from the
        // content inspection at upload, never from the name; nosniff is set for every response.
        Response.Headers.CacheControl = "private, max-age=3600";
        var disposition = new ContentDispositionHeaderValue(attachment.ContentType.StartsWith("text/", StringComparison.Ordinal) ? "attachment" : "inline");
        disposition.SetHttpFileName(attachment.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(content, attachment.ContentType);
    }
}
