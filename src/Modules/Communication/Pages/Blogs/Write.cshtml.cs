using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Blogs;
using Preau.Communication.Data;
using Preau.Communication.Publishing;
using Preau.Platform.Authorization;
using Preau.Platform.Text;
using Preau.Platform.Web;

namespace Preau.Communication.Pages.Blogs;

/// <summary>Writes or changes a blog post: a pupil until it is published, the class's teacher at any time.</summary>
[Authorize(Policy = CommunicationPermissions.UseBlogs)]
[RequestFormLimits(ValueLengthLimit = FormLimits.TextValueLength)]
internal sealed class WriteModel(CommunicationDbContext db, ClassBlogs blogs, Readership readership, PublishedFiles files, IAuthorizationService authorization, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public PostInput Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Images { get; set; } = [];

    public BlogView View { get; private set; } = null!;

    public BlogPost? Existing { get; private set; }

    public bool CanModerate { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid classId, Guid? postId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(classId, postId, cancellationToken))
        {
            return NotFound();
        }

        if (Existing is { } post)
        {
            Input = new PostInput { Title = post.Title, Body = RichInput.ToEditable(post.BodyHtml) };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid classId, Guid? postId, [FromForm] string? action, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(classId, postId, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (images, fileErrors) = await files.CheckAsync(Images, imagesOnly: true, alreadyAttached: 0, cancellationToken);
        if (fileErrors.Count > 0)
        {
            foreach (var error in fileErrors.Append(localizer["Aucune image n’a été enregistrée : choisissez-les à nouveau."]))
            {
                ModelState.AddModelError(nameof(Images), error);
            }

            return Page();
        }

        var reader = await readership.ForUserAsync(User, cancellationToken);
        var (post, errors) = await blogs.SavePostAsync(reader, View, Existing, Input.Title, Input.Body, action != "draft", images, cancellationToken);
        if (post is null)
        {
            ModelState.AddFieldErrors(errors, localizer);

            return Page();
        }

        this.Flash(post.Status switch
        {
            ContributionStatus.Submitted => localizer["Ton billet est envoyé à l’enseignant, qui le relira avant de le publier."],
            ContributionStatus.Published => localizer["Le billet est publié."],
            _ => localizer["Le brouillon est enregistré."],
        });
        return Redirect($"/blogs/billets/{post.Id}");
    }

    private async Task<bool> LoadAsync(Guid classId, Guid? postId, CancellationToken cancellationToken)
    {
        if (await blogs.FindAsync(classId, cancellationToken) is not { } view || !await authorization.CanAsync(User, view.Access, PublishingOperations.Write))
        {
            return false;
        }

        View = view;
        CanModerate = await authorization.CanAsync(User, view.Access, PublishingOperations.Moderate);
        if (postId is { } id)
        {
            Existing = view.Blog is null ? null : await db.BlogPosts.FirstOrDefaultAsync(p => p.Id == id && p.BlogId == view.Blog.Id, cancellationToken);
            // Nobody edits another's post except the class's teacher; a pupil edits theirs until it is published.
            var accountId = User.RequiredAccountId();
            if (Existing is null || !(CanModerate || (Existing.AuthorId == accountId && Existing.IsEditableByAuthor)))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>The post form.</summary>
internal sealed class PostInput
{
    [Required(ErrorMessage = "Indiquez un titre.")]
    [StringLength(BlogPost.TitleMaxLength, ErrorMessage = "Le titre ne dépasse pas 200 caractères.")]
    public string? Title { get; set; }

    [StringLength(RichText.MaxLength, ErrorMessage = "Le texte ne dépasse pas 100 000 caractères.")]
    public string? Body { get; set; }
}
