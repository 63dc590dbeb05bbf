using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Communication.Blogs;
using Preau.Communication.Publishing;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Communication.Pages.Blogs;

/// <summary>A class blog: its published posts; the teacher's queue and settings; a pupil's own drafts.</summary>
[Authorize(Policy = CommunicationPermissions.UseBlogs)]
[RequestFormLimits(ValueLengthLimit = FormLimits.TextValueLength)]
internal sealed class BlogModel(ClassBlogs blogs, Readership readership, IAuthorizationService authorization, IStructureDirectory directory, IStringLocalizer localizer) : PageModel
{
    public BlogView View { get; private set; } = null!;

    public IReadOnlyList<ShownPost> Published { get; private set; } = [];

    public PageOf<ShownPost> Posts { get; private set; } = new([], 1, ClassBlogs.PageSize, 0);

    public IReadOnlyList<ShownPost> Unpublished { get; private set; } = [];

    public int PendingComments { get; private set; }

    public bool CanModerate { get; private set; }

    public bool CanWrite { get; private set; }

    public string PublicUrl { get; private set; } = string.Empty;

    public bool AllowsAfterPublication => ClassBlog.AllowsAfterPublication(View.School.Kind);

    [BindProperty]
    public BlogVisibility Visibility { get; set; }

    [BindProperty]
    public CommentModeration Moderation { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid classId, [FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        if (!await LoadAsync(classId, cancellationToken))
        {
            return NotFound();
        }

        var reader = await readership.ForUserAsync(User, cancellationToken);
        if (View.Blog is { } blog)
        {
            var (posts, total) = await blogs.PublishedAsync(blog.Id, reader, classId, page, cancellationToken);
            Posts = new PageOf<ShownPost>(posts, Math.Max(1, page), ClassBlogs.PageSize, total);
            if (CanWrite)
            {
                Unpublished = await blogs.UnpublishedAsync(blog.Id, reader, classId, cancellationToken);
            }

            PendingComments = CanModerate ? await blogs.PendingCommentCountAsync(blog.Id, cancellationToken) : 0;
        }

        Visibility = View.Visibility;
        Moderation = View.CommentModeration;
        return Page();
    }

    public async Task<IActionResult> OnPostSettingsAsync(Guid classId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(classId, cancellationToken) || !CanModerate)
        {
            return NotFound();
        }

        if (await blogs.SaveSettingsAsync(View, Visibility, Moderation, cancellationToken) is { } error)
        {
            ModelState.AddModelError(nameof(Moderation), localizer[error]);
            return Page();
        }

        this.Flash(localizer["Les réglages du blog sont enregistrés."]);
        return Redirect($"/blogs/classe/{classId}");
    }

    private async Task<bool> LoadAsync(Guid classId, CancellationToken cancellationToken)
    {
        if (await blogs.FindAsync(classId, cancellationToken) is not { } view || !await authorization.CanAsync(User, view.Access, ResourceAuthorization.Read))
        {
            return false;
        }

        View = view;
        CanModerate = await authorization.CanAsync(User, view.Access, PublishingOperations.Moderate);
        CanWrite = await authorization.CanAsync(User, view.Access, PublishingOperations.Write);
        PublicUrl = $"/t/{(await directory.GetCurrentTerritoryAsync(cancellationToken))?.Slug}/blogs/{classId}";
        return true;
    }
}
