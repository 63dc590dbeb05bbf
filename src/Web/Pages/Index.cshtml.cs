using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Platform.Web;

namespace Preau.Web.Pages;

/// <summary>
/// The composite home page ("today"): each module contributes sections for this user
/// (DESIGN.md: composite pages do not reach into modules' tables).
/// </summary>
[AllowAnonymous]
internal sealed partial class IndexModel(IEnumerable<IHomeSection> sections, ILogger<IndexModel> logger) : PageModel
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
            var started = Stopwatch.GetTimestamp();
            if (await section.BuildAsync(User, cancellationToken) is { } view)
            {
                built.Add(view);
            }

            // The home page is the hottest page: its cost per section is one log level away (Debug).
            SectionBuilt(logger, section.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        Sections = built;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Home section {Section} built in {Milliseconds:F1} ms")]
    private static partial void SectionBuilt(ILogger logger, string section, double milliseconds);
}
