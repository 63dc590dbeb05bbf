using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Blogs;
using Preau.Communication.Contracts;
using Preau.Communication.Data;
using Preau.Communication.Publishing;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Communication.Pages.Blogs;

/// <summary>A blog post with its comments; the class's teacher publishes, returns, unpublishes or deletes posts and comments.</summary>
[Authorize(Policy = CommunicationPermissions.UseBlogs)]
[RequestFormLimits(ValueLengthLimit = FormLimits.TextValueLength)]
internal sealed class PostModel(
    CommunicationDbContext db, ClassBlogs blogs, Readership readership, PublishedFiles files,
    IAuthorizationService authorization, IStringLocalizer localizer, TimeProvider clock) : PageModel
{
    public BlogView View { get; private set; } = null!;

    public ShownPost Shown { get; private set; } = null!;

    public IReadOnlyList<ShownComment> Comments { get; private set; } = [];

    public IReadOnlyList<PublishedFile> Files { get; private set; } = [];

    public bool CanModerate { get; private set; }

    public bool CanComment { get; private set; }

    public bool CanEdit { get; private set; }

    [BindProperty]
    [StringLength(BlogComment.BodyMaxLength, ErrorMessage = "Un commentaire ne dépasse pas 2 000 caractères.")]
    public string? CommentText { get; set; }

    [BindProperty]
    [StringLength(1000, ErrorMessage = "Le message ne dépasse pas 1 000 caractères.")]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid postId, CancellationToken cancellationToken) =>
        await LoadAsync(postId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCommentAsync(Guid postId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(postId, cancellationToken) || !CanComment)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(CommentText))
        {
            ModelState.AddModelError(nameof(CommentText), localizer["Écrivez votre commentaire."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var reader = await readership.ForUserAsync(User, cancellationToken);
        var comment = await blogs.CommentAsync(reader, View, Shown.Post, CommentText!, cancellationToken);
        this.Flash(comment.Status == ContributionStatus.Published
            ? localizer["Le commentaire est publié."]
            : localizer["Le commentaire est envoyé à l’enseignant, qui le relira avant de le publier."]);
        return Redirect($"/blogs/billets/{postId}#commentaires");
    }

    public Task<IActionResult> OnPostPublishAsync(Guid postId, CancellationToken cancellationToken) =>
        ModerateAsync(postId, (post, me, now) =>
        {
            post.Publish(me, now);
            NotifyAuthor(post, Fr("Ton billet est publié : {0}"), NotificationKind.Information);
            return localizer["Le billet est publié."];
        }, cancellationToken);

    public Task<IActionResult> OnPostUnpublishAsync(Guid postId, CancellationToken cancellationToken) =>
        ModerateAsync(postId, (post, me, now) =>
        {
            post.Unpublish(me, now);
            return localizer["Le billet est dépublié."];
        }, cancellationToken);

    public async Task<IActionResult> OnPostReturnAsync(Guid postId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Note))
        {
            if (!await LoadAsync(postId, cancellationToken) || !CanModerate)
            {
                return NotFound();
            }

            ModelState.AddModelError(nameof(Note), localizer["Expliquez à l’élève ce qu’il faut reprendre."]);
            return Page();
        }

        return await ModerateAsync(postId, (post, me, now) =>
        {
            post.Return(me, Note!.Trim(), now);
            NotifyAuthor(post, Fr("Ton billet est à reprendre : {0}"), NotificationKind.ActionRequired);
            return localizer["Le billet est renvoyé à son auteur avec votre message."];
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid postId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(postId, cancellationToken) || !(CanModerate || CanEdit))
        {
            return NotFound();
        }

        var post = await db.BlogPosts.FirstAsync(p => p.Id == postId, cancellationToken);
        db.BlogPosts.Remove(post);
        await db.BlogComments.Where(c => c.PostId == postId).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await files.RemoveAllAsync(FileOwner.BlogPost, postId, cancellationToken);
        this.Flash(localizer["Le billet est supprimé."]);
        return Redirect($"/blogs/classe/{View.Class.Id}");
    }

    public Task<IActionResult> OnPostPublishCommentAsync(Guid postId, Guid commentId, CancellationToken cancellationToken) =>
        ModerateCommentAsync(postId, commentId, (comment, me) => { comment.Publish(me); return localizer["Le commentaire est publié."]; }, cancellationToken);

    public Task<IActionResult> OnPostUnpublishCommentAsync(Guid postId, Guid commentId, CancellationToken cancellationToken) =>
        ModerateCommentAsync(postId, commentId, (comment, me) => { comment.Unpublish(me); return localizer["Le commentaire est masqué."]; }, cancellationToken);

    public Task<IActionResult> OnPostDeleteCommentAsync(Guid postId, Guid commentId, CancellationToken cancellationToken) =>
        ModerateCommentAsync(postId, commentId, (comment, _) => { db.BlogComments.Remove(comment); return localizer["Le commentaire est supprimé."]; }, cancellationToken);

    private async Task<IActionResult> ModerateAsync(Guid postId, Func<BlogPost, Guid, DateTime, string> change, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(postId, cancellationToken) || !CanModerate)
        {
            return NotFound();
        }

        var post = await db.BlogPosts.FirstAsync(p => p.Id == postId, cancellationToken);
        string message;
        try
        {
            message = change(post, User.RequiredAccountId(), clock.GetUtcNow().UtcDateTime);
        }
        catch (InvalidOperationException)
        {
            // Two teachers moderating at once: the state changed in between.
            this.Flash(localizer["Ce billet a changé entre-temps : vérifiez son état."]);
            return Redirect($"/blogs/billets/{postId}");
        }

        await db.SaveChangesAsync(cancellationToken);
        this.Flash(message);
        return Redirect($"/blogs/billets/{postId}");
    }

    private async Task<IActionResult> ModerateCommentAsync(Guid postId, Guid commentId, Func<BlogComment, Guid, string> change, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(postId, cancellationToken) || !CanModerate)
        {
            return NotFound();
        }

        var comment = await db.BlogComments.FirstOrDefaultAsync(c => c.Id == commentId && c.PostId == postId, cancellationToken);
        if (comment is null)
        {
            return NotFound();
        }

        this.Flash(change(comment, User.RequiredAccountId()));
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/blogs/billets/{postId}#commentaires");
    }

    private void NotifyAuthor(BlogPost post, string template, NotificationKind kind)
    {
        if (post.AuthorId != User.RequiredAccountId())
        {
            db.Publish(new NotificationRequested([post.AuthorId], "communication.blogs", kind, template, [post.Title], $"/blogs/billets/{post.Id}", View.School.Id));
        }
    }

    private async Task<bool> LoadAsync(Guid postId, CancellationToken cancellationToken)
    {
        var found = await (from p in db.BlogPosts.AsNoTracking()
                           join b in db.ClassBlogs on p.BlogId equals b.Id
                           where p.Id == postId
                           select new { Post = p, b.ClassGroupId }).FirstOrDefaultAsync(cancellationToken);
        if (found is null || await blogs.FindAsync(found.ClassGroupId, cancellationToken) is not { } view)
        {
            return false;
        }

        var reader = await readership.ForUserAsync(User, cancellationToken);
        if (!BlogRights.CanReadPost(reader, found.Post, view.Class.Id, view.School.Id, view.Visibility))
        {
            return false;
        }

        View = view;
        CanModerate = await authorization.CanAsync(User, view.Access, PublishingOperations.Moderate);
        CanComment = found.Post.Status == ContributionStatus.Published && await authorization.CanAsync(User, view.Access, PublishingOperations.Comment);
        CanEdit = CanModerate || (found.Post.AuthorId == reader.AccountId && found.Post.IsEditableByAuthor);
        Shown = (await blogs.ShowAsync([found.Post], reader, view.Class.Id, cancellationToken))[0];
        Comments = await blogs.CommentsAsync(found.Post, reader, view.Class.Id, cancellationToken);
        Files = (await files.ListAsync(FileOwner.BlogPost, [postId], cancellationToken))[postId].ToList();
        return true;
    }

    private static string Fr(string french) => Platform.Localization.Text.Fr(french);
}
