using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Communication.Publishing;

namespace Preau.Communication.Pages.Public;

/// <summary>A school's public page: its public news, public events and public class blogs, readable without an account.</summary>
[AllowAnonymous]
internal sealed class SchoolModel(PublicSite site) : PageModel
{
    public PublicSchoolPage View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, string uai, [FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        await using var territory = await site.OpenAsync(slug, cancellationToken);
        var schools = territory?.Get<PublicSchools>();
        if (territory is null || schools is null || await schools.FindAsync(uai, cancellationToken) is not { } school)
        {
            return NotFound();
        }

        View = await schools.PageAsync(territory.Territory, school, page, cancellationToken);
        return Page();
    }
}
