using System.Security.Claims;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;

namespace Preau.Communication.Publishing;

/// <summary>
/// Who a reader is for what the school and the town publish: the classes and schools they belong to
/// as staff, teacher, pupil or guardian of a pupil. News, blogs, agenda and the school council decide
/// what someone sees from it (their children's classes and schools, plus territory-wide and public items).
/// </summary>
/// <param name="AccountId">The reader (empty for an anonymous visitor).</param>
/// <param name="Profiles">Their profiles.</param>
/// <param name="Relations">Their relations, as Identity gives them.</param>
/// <param name="Children">Their children with the class they are in this year.</param>
internal sealed record Reader(Guid AccountId, Profile Profiles, AccountRelations Relations, IReadOnlyList<PupilInfo> Children)
{
    /// <summary>A visitor without an account: only public items.</summary>
    public static readonly Reader Anonymous = new(Guid.Empty, Profile.None, AccountRelations.None, []);

    /// <summary>Whether the reader is signed in.</summary>
    public bool IsSignedIn => AccountId != Guid.Empty;

    /// <summary>Territory administrators see and manage everything of their territory.</summary>
    public bool IsTerritoryAdmin => Relations.IsTerritoryAdmin;

    /// <summary>Town accounts (municipal agents, elected officials) speak for the territory.</summary>
    public bool IsTown => (Profiles & (Profile.MunicipalAgent | Profile.ElectedOfficial)) != Profile.None || IsTerritoryAdmin;

    /// <summary>Classes the reader belongs to: taught, attended, or attended by one of their children.</summary>
    public IReadOnlySet<Guid> ClassIds { get; } = Relations.TaughtGroups.Keys
        .Concat(Relations.OwnGroups.Keys)
        .Concat(Children.Where(c => c.ClassId is not null).Select(c => c.ClassId!.Value))
        .ToHashSet();

    /// <summary>
    /// Schools the reader works in as school staff (head, teacher, school-life, after-school; not the town's
    /// IT technician, who maintains equipment there): they see everything published in them.
    /// </summary>
    public IReadOnlySet<Guid> StaffSchoolIds { get; } = Relations.SchoolRoles.Where(r => (r.Value & Platform.Authorization.Profiles.SchoolStaff) != Profile.None).Select(r => r.Key)
        .Concat(Relations.TaughtGroups.Values).ToHashSet();

    /// <summary>Schools the reader belongs to: as staff, as a pupil, or through their children.</summary>
    public IReadOnlySet<Guid> SchoolIds => field ??= StaffSchoolIds
        .Concat(Relations.OwnGroups.Values)
        .Concat(Children.Where(c => c.SchoolId is not null).Select(c => c.SchoolId!.Value))
        .ToHashSet();

    /// <summary>
    /// The scopes of what the reader is shown (docs/decisions/0020): the reader (their relations), their children,
    /// classes and schools, and the territory (its own items). None for a territory admin, who sees every school's.
    /// </summary>
    public IEnumerable<Guid>? ScopesIn(Guid territoryId) => IsTerritoryAdmin
        ? null
        : [AccountId, territoryId, .. Children.Select(c => c.Id), .. ClassIds, .. SchoolIds];

    /// <summary>Whether the reader heads this school.</summary>
    public bool Heads(Guid schoolId) => Relations.Heads(schoolId);

    /// <summary>Whether the reader teaches this class.</summary>
    public bool Teaches(Guid classGroupId) => Relations.Teaches(classGroupId);

    /// <summary>Whether the reader works in this school as staff or teacher.</summary>
    public bool WorksIn(Guid schoolId) => StaffSchoolIds.Contains(schoolId);

    /// <summary>Whether the reader teaches a class of this school.</summary>
    public bool TeachesIn(Guid schoolId) => Relations.TaughtGroups.Values.Contains(schoolId);

    /// <summary>Whether one of the reader's children is in this class.</summary>
    public bool HasChildIn(Guid classGroupId) => Children.Any(c => c.ClassId == classGroupId);

    /// <summary>Whether one of the reader's children is in this school.</summary>
    public bool HasChildInSchool(Guid schoolId) => Children.Any(c => c.SchoolId == schoolId);

    /// <summary>Whether the reader is a pupil of this class.</summary>
    public bool AttendsClass(Guid classGroupId) => Relations.OwnGroups.ContainsKey(classGroupId);
}

/// <summary>Loads the reader for the signed-in user: relations plus one query for the children's classes; cached per scope.</summary>
internal sealed class Readership(IAccountRelations relations, IStructureDirectory directory)
{
    private Reader? _current;

    public async Task<Reader> ForUserAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.AccountId() is not { } accountId)
        {
            return Reader.Anonymous;
        }

        if (_current?.AccountId == accountId)
        {
            return _current;
        }

        return _current = await ForRelationsAsync(await relations.ForUserAsync(user, cancellationToken), cancellationToken);
    }

    public async Task<Reader> ForAccountAsync(Guid accountId, CancellationToken cancellationToken = default) =>
        await ForRelationsAsync(await relations.ForAccountAsync(accountId, cancellationToken), cancellationToken);

    private async Task<Reader> ForRelationsAsync(AccountRelations actor, CancellationToken cancellationToken)
    {
        if (actor.AccountId == Guid.Empty)
        {
            return Reader.Anonymous;
        }

        var children = actor.Children.Count == 0 ? [] : await directory.GetPupilsAsync(actor.Children.Keys, cancellationToken);
        return new Reader(actor.AccountId, actor.Profiles, actor, children);
    }
}
