using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.Communication.Blogs;

/// <summary>Who reads a class blog besides its pupils and teachers.</summary>
internal enum BlogVisibility
{
    /// <summary>The class only (pupils and teachers).</summary>
    Class,

    /// <summary>The class and the guardians of its pupils.</summary>
    Guardians,

    /// <summary>Everyone, without an account (published posts only).</summary>
    Public,
}

/// <summary>When pupils' comments are moderated.</summary>
internal enum CommentModeration
{
    /// <summary>Before publication: the default for minors.</summary>
    BeforePublication,

    /// <summary>After publication: a teacher's choice, in secondary schools only.</summary>
    AfterPublication,
}

/// <summary>Where a post or a comment is in its moderation.</summary>
internal enum ContributionStatus
{
    /// <summary>Being written by its author.</summary>
    Draft,

    /// <summary>Waiting for the teacher.</summary>
    Submitted,

    /// <summary>Visible to the blog's readers.</summary>
    Published,

    /// <summary>Sent back to its author by the teacher, with a note.</summary>
    Returned,

    /// <summary>Taken down by the teacher.</summary>
    Unpublished,
}

/// <summary>
/// The blog of one class. Created when the teacher first opens it or a pupil first writes; the teacher
/// chooses its readers and how comments are moderated.
/// </summary>
internal sealed class ClassBlog : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid ClassGroupId { get; init; }

    public Guid SchoolId { get; init; }

    public BlogVisibility Visibility { get; set; } = BlogVisibility.Class;

    public CommentModeration CommentModeration { get; set; } = CommentModeration.BeforePublication;

    public DateTime CreatedAt { get; init; }

    /// <summary>
    /// A posteriori moderation of comments is for secondary schools only: in primary schools every
    /// pupil's comment is read by the teacher first (minors under 11, CNIL and Éduscol guidance on
    /// class blogs).
    /// </summary>
    public static bool AllowsAfterPublication(SchoolKind kind) => kind is SchoolKind.College or SchoolKind.Lycee;

    public static string? CheckModeration(CommentModeration moderation, SchoolKind kind) =>
        moderation == CommentModeration.AfterPublication && !AllowsAfterPublication(kind)
            ? Fr("La modération après publication n’est possible qu’au collège et au lycée.")
            : null;
}

/// <summary>A post of a class blog, written by a pupil (moderated) or a teacher.</summary>
internal sealed class BlogPost : ITerritoryOwned
{
    public const int TitleMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid BlogId { get; init; }

    public Guid AuthorId { get; init; }

    public bool AuthorIsPupil { get; init; }

    public required string Title { get; set; }

    public required string BodyHtml { get; set; }

    public ContributionStatus Status { get; private set; } = ContributionStatus.Draft;

    public string? ModerationNote { get; private set; }

    public Guid? ModeratedById { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>A pupil edits their own post until it is published; a teacher edits any.</summary>
    public bool IsEditableByAuthor => Status is ContributionStatus.Draft or ContributionStatus.Submitted or ContributionStatus.Returned;

    /// <summary>The author sends the post: a teacher's is published, a pupil's waits for the teacher.</summary>
    public void Submit(bool byModerator, DateTime now)
    {
        if (!byModerator && !IsEditableByAuthor)
        {
            throw new InvalidOperationException("A published post cannot be submitted again by its author.");
        }

        if (byModerator)
        {
            Publish(AuthorId, now);
            return;
        }

        Status = ContributionStatus.Submitted;
        UpdatedAt = now;
    }

    public void KeepAsDraft(DateTime now)
    {
        if (!IsEditableByAuthor)
        {
            throw new InvalidOperationException("A published post is no longer a draft.");
        }

        Status = ContributionStatus.Draft;
        UpdatedAt = now;
    }

    /// <summary>The teacher publishes a submitted (or unpublished) post.</summary>
    public void Publish(Guid moderatorId, DateTime now)
    {
        if (Status == ContributionStatus.Published)
        {
            return;
        }

        Status = ContributionStatus.Published;
        ModeratedById = moderatorId;
        ModerationNote = null;
        PublishedAt ??= now;
        UpdatedAt = now;
    }

    /// <summary>The teacher sends a post back to its author with a note.</summary>
    public void Return(Guid moderatorId, string note, DateTime now)
    {
        if (Status is not (ContributionStatus.Submitted or ContributionStatus.Published or ContributionStatus.Unpublished))
        {
            throw new InvalidOperationException("Only a submitted or published post can be returned.");
        }

        Status = ContributionStatus.Returned;
        ModeratedById = moderatorId;
        ModerationNote = note;
        UpdatedAt = now;
    }

    /// <summary>The teacher takes a published post down.</summary>
    public void Unpublish(Guid moderatorId, DateTime now)
    {
        if (Status != ContributionStatus.Published)
        {
            throw new InvalidOperationException("Only a published post can be unpublished.");
        }

        Status = ContributionStatus.Unpublished;
        ModeratedById = moderatorId;
        UpdatedAt = now;
    }
}

/// <summary>A comment on a blog post.</summary>
internal sealed class BlogComment : ITerritoryOwned
{
    public const int BodyMaxLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid PostId { get; init; }

    public Guid BlogId { get; init; }

    public Guid AuthorId { get; init; }

    public bool AuthorIsPupil { get; init; }

    /// <summary>Plain text (encoded when shown).</summary>
    public required string Body { get; init; }

    public ContributionStatus Status { get; private set; }

    public Guid? ModeratedById { get; private set; }

    public DateTime CreatedAt { get; init; }

    /// <summary>
    /// A comment by the blog's moderator is published; a pupil's or a guardian's waits for the teacher
    /// unless the teacher chose moderation after publication (secondary schools).
    /// </summary>
    public static ContributionStatus InitialStatus(bool byModerator, CommentModeration moderation) =>
        byModerator || moderation == CommentModeration.AfterPublication ? ContributionStatus.Published : ContributionStatus.Submitted;

    public void SetInitialStatus(bool byModerator, CommentModeration moderation) => Status = InitialStatus(byModerator, moderation);

    public void Publish(Guid moderatorId)
    {
        Status = ContributionStatus.Published;
        ModeratedById = moderatorId;
    }

    public void Unpublish(Guid moderatorId)
    {
        Status = ContributionStatus.Unpublished;
        ModeratedById = moderatorId;
    }
}
