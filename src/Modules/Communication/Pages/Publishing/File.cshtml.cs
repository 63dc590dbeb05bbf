using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Communication.Publishing;
using Preau.Platform.Authorization;

namespace Preau.Communication.Pages.Publishing;

/// <summary>Serves a published file to those who may read what it is attached to (404 for anyone else).</summary>
[Authorize(Policy = Policies.SignedIn)]
internal sealed class FileModel(PublishedFileAccess access, PublishedFiles files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await access.ForMemberAsync(User, id, cancellationToken);
        return file is null ? NotFound() : await ServeAsync(this, files, file, isPublic: false, cancellationToken);
    }

    /// <summary>Streams the bytes; nothing from a file may run as a page of Préau (sandboxed, never sniffed).</summary>
    internal static async Task<IActionResult> ServeAsync(PageModel page, PublishedFiles files, PublishedFile file, bool isPublic, CancellationToken cancellationToken)
    {
        var stream = await files.OpenAsync(file, cancellationToken);
        if (stream is null)
        {
            return page.NotFound();
        }

        var headers = page.Response.Headers;
        headers.ContentSecurityPolicy = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";
        headers.CacheControl = isPublic ? "public, max-age=3600" : "private, max-age=3600";
        return file.IsImage
            ? page.File(stream, file.ContentType)
            : page.File(stream, file.ContentType, file.FileName);
    }
}
