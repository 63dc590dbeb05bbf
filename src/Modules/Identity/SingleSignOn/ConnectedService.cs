using Preau.Platform.Tenancy;

namespace Preau.Identity.SingleSignOn;

/// <summary>
/// A service of the territory whose users sign in with their Préau account (a Moodle, a Nextcloud, the
/// library's portal): the territory's record of an OpenID Connect client. The client itself (id, secret
/// hash, redirect addresses, permissions) is OpenIddict's application row; this row ties it to one
/// territory, whose accounts alone may sign in to it.
/// </summary>
internal sealed class ConnectedService : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    /// <summary>OpenIddict's application id.</summary>
    public Guid ApplicationId { get; init; }

    /// <summary>The client_id the service is configured with.</summary>
    public required string ClientId { get; init; }

    public required string Name { get; set; }

    /// <summary>What the service is for, shown to administrators.</summary>
    public string? Description { get; set; }

    /// <summary>Whether the service may read Préau's API (/api/v1) on the user's behalf.</summary>
    public bool MayUseApi { get; set; }

    public DateTime CreatedAt { get; init; }

    public Guid CreatedBy { get; init; }
}

/// <summary>What a key of the provider is for.</summary>
internal enum ProviderKeyUsage
{
    /// <summary>Signs identity tokens (RSA; its public part is published in the JWKS).</summary>
    Signing,

    /// <summary>Encrypts the provider's own JWTs when it issues some (AES).</summary>
    Encryption,
}

/// <summary>A key of the OpenID Connect provider, shared by every process and kept across restarts.</summary>
internal sealed class ProviderKey
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public ProviderKeyUsage Usage { get; init; }

    /// <summary>The key (PKCS#8 for RSA, raw bytes for AES), base64, protected with ASP.NET Core Data Protection.</summary>
    public required string ProtectedKey { get; init; }

    public DateTime CreatedAt { get; init; }
}
