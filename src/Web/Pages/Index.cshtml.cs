using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Platform.Web;

namespace Preau.Web.Pages;

/// <summary>
/// The composite home page ("today"): each module contributes sections for this user
/// (DESIGN.md: composite pages do not reach into modules' tables), kept between requests while
/// what they were built from is unchanged (docs/decisions/0020).
/// </summary>
[AllowAnonymous]
internal sealed class IndexModel(HomeComposition composition) : PageModel
{
    public HomeComposition Composition => composition;

    public IReadOnlyList<HomeSlot> Sections { get; private set; } = [];

    public string FirstName { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        FirstName = (User.FindFirst("preau:name")?.Value ?? string.Empty).Split(' ')[0];
        Sections = await composition.ComposeAsync(User, cancellationToken);
    }
}
