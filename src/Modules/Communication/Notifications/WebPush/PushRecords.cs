using Preau.Platform.Tenancy;

namespace Preau.Communication.Notifications.WebPush;

/// <summary>One device's Web Push subscription (RFC 8030), removed when the push service answers 404 or 410.</summary>
internal sealed class PushSubscription : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid AccountId { get; init; }

    public required string Endpoint { get; init; }

    /// <summary>The browser's P-256 public key (base64url), to encrypt payloads (RFC 8291).</summary>
    public required string P256dh { get; set; }

    public required string Auth { get; set; }

    public DateTime CreatedAt { get; init; }
}

/// <summary>
/// The installation's VAPID key pair (RFC 8292), generated once and stored in the database so that every
/// process signs with the same key; the private key is protected with ASP.NET Core data protection.
/// </summary>
internal sealed class VapidKeyPair
{
    public int Id { get; init; } = 1;

    public required string PublicKey { get; init; }

    public required string ProtectedPrivateKey { get; init; }

    public DateTime CreatedAt { get; init; }
}
