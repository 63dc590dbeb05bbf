using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Communication.News;
using Preau.Communication.Publishing;
using Preau.Identity.Contracts;

namespace Preau.Communication.Pages.Public;

/// <summary>A public news item of a school (anything else answers 404 here).</summary>
[AllowAnonymous]
internal sealed class NewsModel(PublicSite site) : PageModel
{
    public NewsItem Item { get; private set; } = null!;

    public SchoolInfo School { get; private set; } = null!;

    public IReadOnlyList<PublishedFile> Files { get; private set; } = [];

    public string BaseUrl { get; private set; } = string.Empty;

    public string Slug { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string slug, string uai, Guid id, CancellationToken cancellationToken)
    {
        await using var territory = await site.OpenAsync(slug, cancellationToken);
        var schools = territory?.Get<PublicSchools>();
        if (territory is null || schools is null || await schools.FindAsync(uai, cancellationToken) is not { } school
            || await schools.PublicNewsAsync(school.Id, id, cancellationToken) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        School = school;
        Slug = territory.Territory.Slug;
        BaseUrl = $"/t/{Slug}/ecoles/{school.Uai}";
        Files = (await territory.Get<PublishedFiles>().ListAsync(FileOwner.News, [id], cancellationToken))[id].ToList();
        return Page();
    }
}
