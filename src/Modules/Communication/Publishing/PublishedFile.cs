using Preau.Platform.Tenancy;

namespace Preau.Communication.Publishing;

/// <summary>What a published file belongs to; its rights are its owner's.</summary>
internal enum FileOwner
{
    News,
    BlogPost,
    CouncilMeeting,
}

/// <summary>
/// An image or document attached to a news item, a blog post or a council meeting. The bytes are in
/// <see cref="Preau.Platform.Files.IFileStore"/> under a random key; they are served only through a page
/// that checks the owner's rights. Images were re-encoded without metadata before being stored.
/// </summary>
internal sealed class PublishedFile : ITerritoryOwned
{
    public const int NameMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public FileOwner Owner { get; init; }

    public Guid OwnerId { get; init; }

    public required string FileKey { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public long Length { get; init; }

    public bool IsImage { get; init; }

    public Guid UploadedById { get; init; }

    public DateTime CreatedAt { get; init; }
}
