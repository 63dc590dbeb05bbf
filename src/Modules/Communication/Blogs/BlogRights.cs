using Preau.Communication.Publishing;

namespace Preau.Communication.Blogs;

/// <summary>
/// Who reads, writes and moderates a class blog. Its pupils and teachers write; only the class's
/// teachers moderate (never another class's); guardians of its pupils read (and comment) once the
/// teacher opened it to them; anyone reads its published posts once it is public; the head reads.
/// </summary>
internal static class BlogRights
{
    public static bool IsMember(Reader reader, Guid classGroupId) => reader.Teaches(classGroupId) || reader.AttendsClass(classGroupId);

    public static bool CanModerate(Reader reader, Guid classGroupId) => reader.Teaches(classGroupId);

    public static bool CanRead(Reader reader, Guid classGroupId, Guid schoolId, BlogVisibility visibility) =>
        IsMember(reader, classGroupId)
        || reader.Heads(schoolId)
        || (visibility != BlogVisibility.Class && reader.HasChildIn(classGroupId))
        || visibility == BlogVisibility.Public;

    public static bool CanWritePosts(Reader reader, Guid classGroupId) => IsMember(reader, classGroupId);

    public static bool CanComment(Reader reader, Guid classGroupId, BlogVisibility visibility) =>
        reader.IsSignedIn && (IsMember(reader, classGroupId) || (visibility != BlogVisibility.Class && reader.HasChildIn(classGroupId)));

    /// <summary>A post is read by the blog's readers once published; before that by its author and the class's teachers.</summary>
    public static bool CanReadPost(Reader reader, BlogPost post, Guid classGroupId, Guid schoolId, BlogVisibility visibility) =>
        post.Status == ContributionStatus.Published
            ? CanRead(reader, classGroupId, schoolId, visibility)
            : reader.IsSignedIn && (post.AuthorId == reader.AccountId || CanModerate(reader, classGroupId));

    /// <summary>Only the class's teachers see pupils' full names.</summary>
    public static bool SeesFullNames(Reader reader, Guid classGroupId) => reader.Teaches(classGroupId);
}
