using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Preau.Identity.Data;
using Preau.Platform.Authorization;
using Preau.Platform.Files;

namespace Preau.Identity.Pages.Admin;

/// <summary>The signed-in user's territory logo (never another territory's: the query filter scopes it).</summary>
[Authorize(Policy = Policies.SignedIn)]
internal sealed class LogoModel(IdentityDbContext db, IFileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var logo = await db.Territories.AsNoTracking().Select(t => new { t.LogoKey, t.LogoContentType }).SingleOrDefaultAsync(cancellationToken);
        if (logo?.LogoKey is null || await files.OpenReadAsync(logo.LogoKey, cancellationToken) is not { } content)
        {
            return NotFound();
        }

        // The address carries the logo's version: a new logo is a new address.
        Response.Headers.CacheControl = "private, max-age=604800";
        return File(content, logo.LogoContentType ?? "application/octet-stream");
    }
}
