using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Communication.Pages.Publishing;
using Preau.Communication.Publishing;

namespace Preau.Communication.Pages.Public;

/// <summary>A file of a public item (public news of a school, post of a public blog); anything else answers 404.</summary>
[AllowAnonymous]
internal sealed class FileModel(PublicSite site) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        await using var territory = await site.OpenAsync(slug, cancellationToken);
        if (territory is null || await territory.Get<PublishedFileAccess>().ForPublicAsync(id, cancellationToken) is not { } file)
        {
            return NotFound();
        }

        return await Publishing.FileModel.ServeAsync(this, territory.Get<PublishedFiles>(), file, isPublic: true, cancellationToken);
    }
}
