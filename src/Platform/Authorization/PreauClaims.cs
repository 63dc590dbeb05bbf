using System.Globalization;
using System.Security.Claims;

namespace Preau.Platform.Authorization;

/// <summary>The claims Préau puts in a session, and how to read them.</summary>
public static class PreauClaims
{
    /// <summary>The account's id.</summary>
    public const string Account = ClaimTypes.NameIdentifier;

    /// <summary>The account's territory.</summary>
    public const string Territory = "preau:territory";

    /// <summary>The territory's time zone (IANA id).</summary>
    public const string TimeZone = "preau:tz";

    /// <summary>The account's profiles, as the integer value of <see cref="Authorization.Profile"/>.</summary>
    public const string ProfileFlags = "preau:profiles";

    /// <summary>Present while an administrator has not yet enrolled a second factor.</summary>
    public const string SecondFactorSetupRequired = "preau:mfa-setup";

    /// <summary>The signed-in account's id, or null.</summary>
    public static Guid? AccountId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Account), out var id) ? id : null;

    /// <summary>The signed-in account's id; throws for anonymous users.</summary>
    public static Guid RequiredAccountId(this ClaimsPrincipal user) =>
        user.AccountId() ?? throw new InvalidOperationException("No account is signed in.");

    /// <summary>The signed-in account's territory, or null.</summary>
    public static Guid? TerritoryId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Territory), out var id) ? id : null;

    /// <summary>The signed-in account's profiles.</summary>
    public static Profile Profiles(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ProfileFlags), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? (Profile)value
            : Profile.None;

    /// <summary>Whether the account holds any of the given profiles.</summary>
    public static bool HasAnyProfile(this ClaimsPrincipal user, Profile profiles) => (user.Profiles() & profiles) != Profile.None;
}
