using System.Security.Claims;
using Preau.Platform.Authorization;

namespace Preau.Identity.Contracts;

/// <summary>
/// The relations of one account that rights depend on (DESIGN.md: profiles plus relations): the
/// schools it works in and with which profile, the classes and groups it teaches or belongs to, and
/// the pupils it is a guardian of. Loaded once per request; modules' resource handlers read it.
/// </summary>
/// <param name="AccountId">The account.</param>
/// <param name="Profiles">Its profiles.</param>
/// <param name="SchoolRoles">Per school it works in, the profiles it holds there.</param>
/// <param name="TaughtGroups">Classes and groups it teaches, with their school.</param>
/// <param name="OwnGroups">Classes and groups it belongs to as a pupil, with their school.</param>
/// <param name="Children">Pupils it is a guardian of, and whether it holds parental authority over each.</param>
public sealed record AccountRelations(
    Guid AccountId,
    Profile Profiles,
    IReadOnlyDictionary<Guid, Profile> SchoolRoles,
    IReadOnlyDictionary<Guid, Guid> TaughtGroups,
    IReadOnlyDictionary<Guid, Guid> OwnGroups,
    IReadOnlyDictionary<Guid, bool> Children)
{
    /// <summary>No relation at all (anonymous).</summary>
    public static readonly AccountRelations None = new(Guid.Empty, Profile.None, new Dictionary<Guid, Profile>(), new Dictionary<Guid, Guid>(), new Dictionary<Guid, Guid>(), new Dictionary<Guid, bool>());

    /// <summary>Territory administrators manage every school of their territory.</summary>
    public bool IsTerritoryAdmin => (Profiles & (Profile.TerritoryAdmin | Profile.PlatformAdmin)) != Profile.None;

    /// <summary>Whether the account works in a school with one of the given profiles.</summary>
    public bool WorksIn(Guid schoolId, Profile anyOf = Platform.Authorization.Profiles.SchoolStaff | Profile.ItTechnician) =>
        SchoolRoles.TryGetValue(schoolId, out var roles) && (roles & anyOf) != Profile.None;

    /// <summary>Whether the account heads this school.</summary>
    public bool Heads(Guid schoolId) => WorksIn(schoolId, Profile.Head);

    /// <summary>Whether the account teaches this class or group.</summary>
    public bool Teaches(Guid classGroupId) => TaughtGroups.ContainsKey(classGroupId);

    /// <summary>Whether the account is a guardian of this pupil.</summary>
    public bool IsGuardianOf(Guid pupilId) => Children.ContainsKey(pupilId);

    /// <summary>Whether the account holds parental authority over this pupil.</summary>
    public bool HasParentalAuthorityOver(Guid pupilId) => Children.TryGetValue(pupilId, out var authority) && authority;

    /// <summary>Schools the account is linked to in any way (staff, teacher, pupil, guardian's children not included).</summary>
    public IEnumerable<Guid> Schools => SchoolRoles.Keys.Concat(TaughtGroups.Values).Concat(OwnGroups.Values).Distinct();
}

/// <summary>Loads relations; the current user's are cached for the request.</summary>
public interface IAccountRelations
{
    /// <summary>The signed-in user's relations (cached for the scope).</summary>
    Task<AccountRelations> ForUserAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);

    /// <summary>Any account's relations in the current territory.</summary>
    Task<AccountRelations> ForAccountAsync(Guid accountId, CancellationToken cancellationToken = default);
}
