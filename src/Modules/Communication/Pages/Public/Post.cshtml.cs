using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Preau.Communication.Blogs;
using Preau.Communication.Data;
using Preau.Communication.Publishing;

namespace Preau.Communication.Pages.Public;

/// <summary>A published post of a public class blog, with its published comments; never a pupil's full name.</summary>
[AllowAnonymous]
internal sealed class PostModel(PublicSite site) : PageModel
{
    public BlogView View { get; private set; } = null!;

    public ShownPost Shown { get; private set; } = null!;

    public IReadOnlyList<ShownComment> Comments { get; private set; } = [];

    public IReadOnlyList<PublishedFile> Files { get; private set; } = [];

    public string Slug { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string slug, Guid postId, CancellationToken cancellationToken)
    {
        await using var territory = await site.OpenAsync(slug, cancellationToken);
        if (territory is null)
        {
            return NotFound();
        }

        var db = territory.Get<CommunicationDbContext>();
        var blogs = territory.Get<ClassBlogs>();
        var found = await (from p in db.BlogPosts.AsNoTracking()
                           join b in db.ClassBlogs on p.BlogId equals b.Id
                           where p.Id == postId && p.Status == ContributionStatus.Published && b.Visibility == BlogVisibility.Public
                           select new { Post = p, b.ClassGroupId }).FirstOrDefaultAsync(cancellationToken);
        if (found is null || await blogs.FindAsync(found.ClassGroupId, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        Slug = territory.Territory.Slug;
        Shown = (await blogs.ShowAsync([found.Post], Reader.Anonymous, view.Class.Id, cancellationToken))[0];
        Comments = await blogs.CommentsAsync(found.Post, Reader.Anonymous, view.Class.Id, cancellationToken);
        Files = (await territory.Get<PublishedFiles>().ListAsync(FileOwner.BlogPost, [postId], cancellationToken))[postId].ToList();
        return Page();
    }
}
