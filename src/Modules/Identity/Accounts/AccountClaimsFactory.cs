using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Preau.Identity.Data;
using Preau.Platform.Authorization;

namespace Preau.Identity.Accounts;

/// <summary>
/// The claims of a session: account, territory and its time zone, profiles, and whether a second
/// factor must still be enrolled. Rebuilt at every security-stamp validation, so a change of
/// profile reaches open sessions within the validation interval.
/// </summary>
internal sealed class AccountClaimsFactory(UserManager<Account> users, IOptions<IdentityOptions> options, IdentityDbContext db)
    : UserClaimsPrincipalFactory<Account>(users, options)
{
    public const string DisplayNameClaim = "preau:name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var territory = await db.Territories.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.Id == user.TerritoryId)
            .Select(t => new { t.TimeZoneId, t.RequireStaffSecondFactor })
            .FirstAsync();

        identity.AddClaim(new Claim(PreauClaims.Territory, user.TerritoryId.ToString()));
        identity.AddClaim(new Claim(PreauClaims.TimeZone, territory.TimeZoneId));
        identity.AddClaim(new Claim(PreauClaims.ProfileFlags, ((int)user.Profiles).ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        if (!user.TwoFactorEnabled && MustUseSecondFactor(user.Profiles, territory.RequireStaffSecondFactor))
        {
            identity.AddClaim(new Claim(PreauClaims.SecondFactorSetupRequired, "true"));
        }

        return identity;
    }

    /// <summary>Administrators always; every staff profile when the territory requires it (DESIGN.md, Identity).</summary>
    public static bool MustUseSecondFactor(Profile profiles, bool territoryRequiresStaffSecondFactor) =>
        (profiles & Profiles.Administrators) != Profile.None
        || (territoryRequiresStaffSecondFactor && (profiles & Profiles.Staff) != Profile.None);
}
