using Preau.Communication.Contracts;
using Preau.Platform.Tenancy;

namespace Preau.Communication.Notifications;

/// <summary>An in-app notification of one account, written in the recipient's language when created.</summary>
internal sealed class Notification : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid RecipientId { get; init; }

    public required string Category { get; init; }

    public NotificationKind Kind { get; init; }

    public required string Title { get; init; }

    public required string Link { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? ReadAt { get; set; }
}
