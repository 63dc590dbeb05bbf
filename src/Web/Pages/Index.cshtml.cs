using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Platform.Web;

namespace Preau.Web.Pages;

/// <summary>
/// The composite home page ("today"): each module contributes sections for this user
/// (DESIGN.md: composite pages do not reach into modules' tables).
/// </summary>
[AllowAnonymous]
internal sealed class IndexModel(IEnumerable<IHomeSection> sections) : PageModel
{
    public IReadOnlyList<HomeSectionView> Sections { get; private set; } = [];

    public string FirstName { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        FirstName = (User.FindFirst("preau:name")?.Value ?? string.Empty).Split(' ')[0];
        var built = new List<HomeSectionView>();
        foreach (var section in sections.OrderBy(s => s.Order))
        {
            if (await section.BuildAsync(User, cancellationToken) is { } view)
            {
                built.Add(view);
            }
        }

        Sections = built;
    }
}
