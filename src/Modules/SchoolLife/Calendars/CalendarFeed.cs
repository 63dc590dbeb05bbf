using System.Security.Cryptography;
using System.Text;
using Preau.Platform.Tenancy;

namespace Preau.SchoolLife.Calendars;

/// <summary>
/// A user's private iCalendar feed: calendar apps subscribe to a secret address that only this row
/// recognises. The token is shown once and stored as a SHA-256 hash (a leaked database gives no working
/// address); revoking deletes the row, regenerating replaces the hash.
/// </summary>
internal sealed class CalendarFeed : ITerritoryOwned
{
    /// <summary>A read is recorded at most this often (calendar apps poll every few minutes).</summary>
    public static readonly TimeSpan ReadRecordingInterval = TimeSpan.FromHours(1);

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid AccountId { get; init; }

    /// <summary>SHA-256 of the token, in hexadecimal.</summary>
    public required string TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When a calendar app last read the feed (to the hour).</summary>
    public DateTime? LastReadAt { get; set; }

    /// <summary>A new random token (256 bits, URL-safe) and its hash.</summary>
    public static (string Token, string Hash) NewToken()
    {
        var token = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    /// <summary>The stored form of a token.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether a string has the shape of our tokens (checked before any database lookup).</summary>
    public static bool IsWellFormed(string token) => token.Length == 43 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
