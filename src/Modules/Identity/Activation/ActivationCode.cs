using System.Security.Cryptography;
using System.Text;
using Preau.Platform.Tenancy;

namespace Preau.Identity.Activation;

/// <summary>
/// A one-time code that lets a family (or pupil, or staff member) activate an account created by an
/// import. Only its hash is stored: the clear code exists only in the letter printed when it is issued.
/// </summary>
internal sealed class ActivationCode : ITerritoryOwned
{
    /// <summary>No 0/O, 1/I/L: the code is copied by hand from paper.</summary>
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>10 characters of a 31-letter alphabet: about 50 bits, with sign-in rate limiting on top.</summary>
    public const int Length = 10;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid AccountId { get; set; }

    public required string CodeHash { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime ExpiresAt { get; init; }

    public DateTime? UsedAt { get; set; }

    /// <summary>Revoked when a newer code is issued for the same account.</summary>
    public bool Revoked { get; set; }

    public bool IsUsable(DateTime now) => UsedAt is null && !Revoked && now < ExpiresAt;

    /// <summary>Issues a code: returns the entity to store and the clear code to print.</summary>
    public static (ActivationCode Code, string Clear) Issue(Guid accountId, DateTime now, TimeSpan validity)
    {
        var clear = new string(RandomNumberGenerator.GetItems<char>(Alphabet, Length));
        return (new ActivationCode { AccountId = accountId, CodeHash = Hash(clear), CreatedAt = now, ExpiresAt = now + validity }, clear);
    }

    /// <summary>Normalises what a person typed: case, spaces and dashes do not matter.</summary>
    public static string Normalize(string typed) =>
        new(typed.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    /// <summary>Hashes a normalised code (SHA-256 is enough: the code is random, not a human secret).</summary>
    public static string Hash(string clear) => Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(Normalize(clear))));

    /// <summary>Shows a code in groups for printing: "ABCDE-FGHJK".</summary>
    public static string Format(string clear) => $"{clear[..5]}-{clear[5..]}";
}
