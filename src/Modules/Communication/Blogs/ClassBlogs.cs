using Microsoft.EntityFrameworkCore;
using Preau.Communication.Contracts;
using Preau.Communication.Data;
using Preau.Communication.Publishing;
using Preau.Identity.Contracts;
using Preau.Platform.Text;
using static Preau.Platform.Localization.Text;

namespace Preau.Communication.Blogs;

/// <summary>A class blog as the pages see it: the class, its school, its settings (defaults until the row exists).</summary>
internal sealed record BlogView(ClassGroupInfo Class, SchoolInfo School, ClassBlog? Blog)
{
    public BlogVisibility Visibility => Blog?.Visibility ?? BlogVisibility.Class;

    public CommentModeration CommentModeration => Blog?.CommentModeration ?? CommentModeration.BeforePublication;

    public BlogAccess Access => new(Class.Id, School.Id, Visibility);
}

/// <summary>A post or comment with its author's name as this reader may see it.</summary>
internal sealed record ShownPost(BlogPost Post, string AuthorName, int CommentCount);

internal sealed record ShownComment(BlogComment Comment, string AuthorName);

/// <summary>
/// The use cases of class blogs: open a blog, write and submit posts, comment, moderate. Rules are
/// on the entities (states) and in <see cref="BlogRights"/>; this class loads, checks and saves.
/// </summary>
internal sealed class ClassBlogs(CommunicationDbContext db, IStructureDirectory directory, RichText richText, PublishedFiles files, TimeProvider clock)
{
    public const int PageSize = 10;

    public async Task<BlogView?> FindAsync(Guid classGroupId, CancellationToken cancellationToken)
    {
        var group = await directory.GetClassGroupAsync(classGroupId, cancellationToken);
        var school = group is null ? null : await directory.GetSchoolAsync(group.SchoolId, cancellationToken);
        if (group is null || school is null)
        {
            return null;
        }

        var blog = await db.ClassBlogs.FirstOrDefaultAsync(b => b.ClassGroupId == classGroupId, cancellationToken);
        return new BlogView(group, school, blog);
    }

    public async Task<ClassBlog> EnsureAsync(BlogView view, CancellationToken cancellationToken)
    {
        if (view.Blog is { } existing)
        {
            return existing;
        }

        var blog = db.ClassBlogs.Add(new ClassBlog { ClassGroupId = view.Class.Id, SchoolId = view.School.Id, CreatedAt = clock.GetUtcNow().UtcDateTime }).Entity;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return blog;
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            // Opened at the same moment by someone else of the class.
            db.Entry(blog).State = EntityState.Detached;
            return await db.ClassBlogs.FirstAsync(b => b.ClassGroupId == view.Class.Id, cancellationToken);
        }
    }

    public async Task<string?> SaveSettingsAsync(BlogView view, BlogVisibility visibility, CommentModeration moderation, CancellationToken cancellationToken)
    {
        if (ClassBlog.CheckModeration(moderation, view.School.Kind) is { } error)
        {
            return error;
        }

        var blog = await EnsureAsync(view, cancellationToken);
        blog.Visibility = visibility;
        blog.CommentModeration = moderation;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Writes or changes a post; a teacher's is published on submission, a pupil's goes to the teacher.</summary>
    public async Task<(BlogPost? Post, IReadOnlyList<FieldError> Errors)> SavePostAsync(
        Reader author, BlogView view, BlogPost? existing, string? title, string? body, bool submit, IReadOnlyList<PublishedFiles.Checked> uploads, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var cleanTitle = (title ?? string.Empty).Trim();
        if (cleanTitle.Length == 0)
        {
            errors.Add(new FieldError("Input.Title", Fr("Indiquez un titre.")));
        }

        var html = RichInput.ToSafeHtml(richText, body);
        if (html.Length > RichText.MaxLength)
        {
            errors.Add(new FieldError("Input.Body", Fr("Le texte est trop long (100 000 caractères au plus).")));
        }
        else if (RichInput.IsBlank(html) && uploads.Count == 0)
        {
            errors.Add(new FieldError("Input.Body", Fr("Le texte est vide une fois retirés les éléments non autorisés (scripts, styles, images externes).")));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var blog = await EnsureAsync(view, cancellationToken);
        var moderator = BlogRights.CanModerate(author, view.Class.Id);
        var post = existing ?? db.BlogPosts.Add(new BlogPost
        {
            BlogId = blog.Id,
            AuthorId = author.AccountId,
            AuthorIsPupil = author.AttendsClass(view.Class.Id) && !moderator,
            Title = cleanTitle,
            BodyHtml = html,
            CreatedAt = now,
        }).Entity;
        post.Title = cleanTitle;
        post.BodyHtml = html;
        post.UpdatedAt = now;
        if (submit)
        {
            post.Submit(moderator, now);
            if (post.Status == ContributionStatus.Submitted)
            {
                var teachers = await directory.ListTeachersOfGroupAsync(view.Class.Id, cancellationToken);
                Audiences.Notify(db, teachers.Select(t => t.Id), "communication.blogs", NotificationKind.ActionRequired,
                    Fr("Billet à relire dans le blog de {0} : {1}"), [view.Class.Name, cleanTitle], $"/blogs/billets/{post.Id}", view.School.Id);
            }
        }
        else if (!moderator || post.Status != ContributionStatus.Published)
        {
            post.KeepAsDraft(now);
        }

        await files.AttachAsync(uploads, FileOwner.BlogPost, post.Id, author.AccountId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (post, []);
    }

    /// <summary>Adds a comment: published at once or held for the teacher, per the blog's moderation.</summary>
    public async Task<BlogComment> CommentAsync(Reader author, BlogView view, BlogPost post, string text, CancellationToken cancellationToken)
    {
        var moderator = BlogRights.CanModerate(author, view.Class.Id);
        var comment = new BlogComment
        {
            PostId = post.Id,
            BlogId = post.BlogId,
            AuthorId = author.AccountId,
            AuthorIsPupil = author.AttendsClass(view.Class.Id) && !moderator,
            Body = text.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        comment.SetInitialStatus(moderator, view.CommentModeration);
        db.BlogComments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        return comment;
    }

    /// <summary>Published posts of a blog, newest first, with their authors' names as the reader may see them.</summary>
    public async Task<(IReadOnlyList<ShownPost> Posts, int Total)> PublishedAsync(Guid blogId, Reader reader, Guid classGroupId, int page, CancellationToken cancellationToken)
    {
        var query = db.BlogPosts.AsNoTracking().Where(p => p.BlogId == blogId && p.Status == ContributionStatus.Published);
        var total = await query.CountAsync(cancellationToken);
        var posts = await query.OrderByDescending(p => p.PublishedAt).Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return (await ShowAsync(posts, reader, classGroupId, cancellationToken), total);
    }

    /// <summary>Posts waiting for the teacher, or a pupil's own unpublished ones.</summary>
    public async Task<IReadOnlyList<ShownPost>> UnpublishedAsync(Guid blogId, Reader reader, Guid classGroupId, CancellationToken cancellationToken)
    {
        var query = db.BlogPosts.AsNoTracking().Where(p => p.BlogId == blogId && p.Status != ContributionStatus.Published);
        query = BlogRights.CanModerate(reader, classGroupId)
            ? query.Where(p => p.Status == ContributionStatus.Submitted || p.AuthorId == reader.AccountId || p.Status == ContributionStatus.Unpublished)
            : query.Where(p => p.AuthorId == reader.AccountId);
        var posts = await query.OrderByDescending(p => p.UpdatedAt).Take(50).ToListAsync(cancellationToken);
        return await ShowAsync(posts, reader, classGroupId, cancellationToken);
    }

    public async Task<IReadOnlyList<ShownComment>> CommentsAsync(BlogPost post, Reader reader, Guid classGroupId, CancellationToken cancellationToken)
    {
        var moderator = BlogRights.CanModerate(reader, classGroupId);
        var me = reader.AccountId;
        var comments = await db.BlogComments.AsNoTracking()
            .Where(c => c.PostId == post.Id && (c.Status == ContributionStatus.Published || moderator || (c.AuthorId == me && me != Guid.Empty)))
            .OrderBy(c => c.CreatedAt).Take(200).ToListAsync(cancellationToken);
        var names = await NamesAsync(comments.Select(c => (c.AuthorId, c.AuthorIsPupil)), reader, classGroupId, cancellationToken);
        return comments.Select(c => new ShownComment(c, names[c.AuthorId])).ToList();
    }

    public async Task<int> PendingCommentCountAsync(Guid blogId, CancellationToken cancellationToken) =>
        await db.BlogComments.CountAsync(c => c.BlogId == blogId && c.Status == ContributionStatus.Submitted, cancellationToken);

    public async Task<IReadOnlyList<ShownPost>> ShowAsync(IReadOnlyList<BlogPost> posts, Reader reader, Guid classGroupId, CancellationToken cancellationToken)
    {
        var names = await NamesAsync(posts.Select(p => (p.AuthorId, p.AuthorIsPupil)), reader, classGroupId, cancellationToken);
        var ids = posts.Select(p => p.Id).ToList();
        var counts = await db.BlogComments.AsNoTracking().Where(c => ids.Contains(c.PostId) && c.Status == ContributionStatus.Published)
            .GroupBy(c => c.PostId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return posts.Select(p => new ShownPost(p, names[p.AuthorId], counts.GetValueOrDefault(p.Id))).ToList();
    }

    /// <summary>Authors' names by the display rule (pupils: first name and initial, except for the class's teachers).</summary>
    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<(Guid Id, bool IsPupil)> authors, Reader reader, Guid classGroupId, CancellationToken cancellationToken)
    {
        var list = authors.Distinct().ToList();
        var people = (await directory.GetPeopleAsync(list.Select(a => a.Id), cancellationToken)).ToDictionary(p => p.Id);
        var full = BlogRights.SeesFullNames(reader, classGroupId);
        var names = new Dictionary<Guid, string>();
        foreach (var (id, isPupil) in list)
        {
            names[id] = people.TryGetValue(id, out var person)
                ? AuthorNames.Display(person.FirstName, person.LastName, isPupil, full || id == reader.AccountId)
                : Fr("Compte supprimé");
        }

        return names;
    }
}
