using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Preau.SchoolLife.LiaisonNotebook;

/// <summary>What a signed acknowledgement link stands for: this guardian acknowledges this note, nothing else.</summary>
internal sealed record AcknowledgementGrant(Guid TerritoryId, Guid NoteId, Guid GuardianId);

/// <summary>
/// Signed, single-purpose, expiring links that let a guardian acknowledge a note from the notification
/// e-mail without signing in (the e-mail is the proof of identity, as for a password reset). ASP.NET Core
/// Data Protection with a purpose of its own: a token made for anything else does not open, and this one
/// opens nothing else. The expiry is checked against the injected clock as well as by the protector.
/// </summary>
internal sealed class AcknowledgementLinks(IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>Long enough for a family that reads its mail weekly; short enough that an old mail is no key.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private const string Purpose = "Preau.SchoolLife.LiaisonNotebook.Acknowledge.v1";

    private ITimeLimitedDataProtector Protector => protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    /// <summary>The relative link of the e-mail.</summary>
    public string LinkFor(AcknowledgementGrant grant) => "/carnet/accuser-reception?jeton=" + Uri.EscapeDataString(TokenFor(grant));

    public string TokenFor(AcknowledgementGrant grant)
    {
        var payload = string.Join('|', grant.TerritoryId.ToString("N"), grant.NoteId.ToString("N"), grant.GuardianId.ToString("N"));
        return Protector.Protect(payload, clock.GetUtcNow() + Lifetime);
    }

    /// <summary>The grant of a token, or null when it is malformed, forged, made for another purpose or expired.</summary>
    public AcknowledgementGrant? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1_000)
        {
            return null;
        }

        try
        {
            var payload = Protector.Unprotect(token, out var expiration);
            if (expiration <= clock.GetUtcNow())
            {
                return null;
            }

            var parts = payload.Split('|');
            return parts.Length == 3
                && Guid.TryParseExact(parts[0], "N", out var territory)
                && Guid.TryParseExact(parts[1], "N", out var note)
                && Guid.TryParseExact(parts[2], "N", out var guardian)
                ? new AcknowledgementGrant(territory, note, guardian)
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
