using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Communication.News;
using Preau.Communication.Publishing;
using Preau.Platform.Web;

namespace Preau.Communication.Pages.Public;

/// <summary>A school's public news as an Atom feed, with absolute links (PublicLinks).</summary>
[AllowAnonymous]
internal sealed class FeedModel(PublicSite site, PublicLinks links, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, string uai, CancellationToken cancellationToken)
    {
        await using var territory = await site.OpenAsync(slug, cancellationToken);
        var schools = territory?.Get<PublicSchools>();
        if (territory is null || schools is null || await schools.FindAsync(uai, cancellationToken) is not { } school)
        {
            return NotFound();
        }

        var basePath = $"/t/{territory.Territory.Slug}/ecoles/{school.Uai}";
        var entries = (await schools.FeedAsync(school.Id, cancellationToken))
            .Select(n => new FeedEntry(n.Id, n.Title, n.BodyHtml, n.PublishAt, n.UpdatedAt < n.PublishAt ? n.PublishAt : n.UpdatedAt, links.Absolute(Request, $"{basePath}/actualites/{n.Id}")))
            .ToList();
        var atom = NewsFeed.BuildAtom(school.Name, links.Absolute(Request, $"{basePath}/actualites.atom"), links.Absolute(Request, basePath), entries, clock.GetUtcNow().UtcDateTime);
        Response.Headers.CacheControl = "public, max-age=300";
        return Content(atom, NewsFeed.ContentType);
    }
}
