using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Communication.Blogs;
using Preau.Communication.Publishing;

namespace Preau.Communication.Pages.Public;

/// <summary>A class blog opened to the public: its published posts, pupils shown by first name and initial.</summary>
[AllowAnonymous]
internal sealed class BlogModel(PublicSite site) : PageModel
{
    public BlogView View { get; private set; } = null!;

    public IReadOnlyList<ShownPost> Posts { get; private set; } = [];

    public int Total { get; private set; }

    public int PageNumber { get; private set; }

    public string Slug { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string slug, Guid classId, [FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        await using var territory = await site.OpenAsync(slug, cancellationToken);
        var blogs = territory?.Get<ClassBlogs>();
        if (territory is null || blogs is null || await blogs.FindAsync(classId, cancellationToken) is not { Blog: { Visibility: BlogVisibility.Public } blog } view)
        {
            return NotFound();
        }

        View = view;
        Slug = territory.Territory.Slug;
        PageNumber = Math.Max(1, page);
        (Posts, Total) = await blogs.PublishedAsync(blog.Id, Reader.Anonymous, classId, PageNumber, cancellationToken);
        return Page();
    }
}
