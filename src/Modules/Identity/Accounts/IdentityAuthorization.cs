using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Preau.Identity.Classes;
using Preau.Identity.Contracts;
using Preau.Identity.Schools;
using Preau.Platform.Authorization;

namespace Preau.Identity.Accounts;

/// <summary>
/// An account as a resource to manage, with the schools it is linked to (as staff, pupil, or
/// guardian of a pupil) and its profiles. Built by <see cref="ManagedAccounts"/>.
/// </summary>
internal sealed record ManagedAccount(Guid AccountId, Profile Profiles, IReadOnlySet<Guid> SchoolIds);

/// <summary>Profiles someone wants to give (to a new account, or added to an existing one), as a resource to check.</summary>
internal sealed record ProfileGrant(Profile Profiles);

/// <summary>The schools a user administers: every school of the territory, or the ones they head.</summary>
internal sealed record SchoolScope(bool AllSchools, IReadOnlySet<Guid> SchoolIds)
{
    public bool Includes(Guid schoolId) => AllSchools || SchoolIds.Contains(schoolId);

    /// <summary>A territory administrator manages every school; a head, the schools they head.</summary>
    public static SchoolScope ManagedBy(AccountRelations actor) => actor.IsTerritoryAdmin
        ? new(true, new HashSet<Guid>())
        : new(false, actor.SchoolRoles.Where(r => (r.Value & Profile.Head) != Profile.None).Select(r => r.Key).ToHashSet());

    /// <summary>Activation letters: the town's education service prints for every school too (issue #2, item 4).</summary>
    public static SchoolScope PrintsLettersFor(AccountRelations actor) =>
        (actor.Profiles & Profile.MunicipalAgent) != Profile.None ? new(true, new HashSet<Guid>()) : ManagedBy(actor);
}

/// <summary>Operations on accounts beyond reading and managing them.</summary>
internal static class AccountOperations
{
    /// <summary>Changing an account's rights: profiles, assignments, links. Never one's own (no self-escalation).</summary>
    public static readonly OperationAuthorizationRequirement ChangeRights = new() { Name = nameof(ChangeRights) };

    /// <summary>Issuing an activation letter: who manages the account, and the town's education service for families.</summary>
    public static readonly OperationAuthorizationRequirement PrintLetter = new() { Name = nameof(PrintLetter) };
}

/// <summary>
/// Who may read or manage schools, classes and accounts. The territory filter already hides other
/// territories; these handlers add the relations: a head manages their own school only, and only
/// the school-level accounts of it.
/// </summary>
internal sealed class IdentityAuthorizationHandler(IAccountRelations relations) : IAuthorizationHandler
{
    /// <summary>The profiles a head may give or manage: never an administrator's or the town's.</summary>
    public const Profile HeadManageableProfiles = Profile.Pupil | Profile.Guardian | Profile.Teacher | Profile.SchoolLifeStaff | Profile.AfterSchoolStaff;

    /// <summary>
    /// The profiles an actor may give: a head, the school-level ones above; a territory administrator,
    /// every profile but the platform administrator's; a platform administrator, every profile.
    /// </summary>
    public static Profile GrantableBy(AccountRelations actor) =>
        (actor.Profiles & Profile.PlatformAdmin) != Profile.None ? Platform.Authorization.Profiles.All.Aggregate(Profile.None, (all, p) => all | p)
        : actor.IsTerritoryAdmin ? Platform.Authorization.Profiles.All.Aggregate(Profile.None, (all, p) => all | p) & ~Profile.PlatformAdmin
        : actor.SchoolRoles.Values.Any(r => (r & Profile.Head) != Profile.None) ? HeadManageableProfiles
        : Profile.None;

    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        foreach (var requirement in context.PendingRequirements.OfType<OperationAuthorizationRequirement>().ToList())
        {
            if (context.Resource is not (School or ClassGroup or ManagedAccount or ProfileGrant))
            {
                continue;
            }

            var actor = await relations.ForUserAsync(context.User);
            var allowed = context.Resource switch
            {
                // The town's services read the schools of their territory (for their own information systems).
                School school => actor.IsTerritoryAdmin || actor.Heads(school.Id)
                    || (requirement == ResourceAuthorization.Read && (actor.WorksIn(school.Id) || (actor.Profiles & Profile.MunicipalAgent) != Profile.None)),
                ClassGroup group => actor.IsTerritoryAdmin || actor.Heads(group.SchoolId)
                    || (requirement == ResourceAuthorization.Read && actor.WorksIn(group.SchoolId)),
                ManagedAccount account when requirement == AccountOperations.PrintLetter => CanManage(actor, account)
                    || ((actor.Profiles & Profile.MunicipalAgent) != Profile.None && (account.Profiles & ~(Profile.Pupil | Profile.Guardian)) == Profile.None),
                ManagedAccount account => CanManage(actor, account)
                    && (requirement != AccountOperations.ChangeRights || account.AccountId != actor.AccountId),
                ProfileGrant grant => grant.Profiles != Profile.None && (grant.Profiles & ~GrantableBy(actor)) == Profile.None,
                _ => false,
            };
            if (allowed)
            {
                context.Succeed(requirement);
            }
        }
    }

    /// <summary>
    /// A territory administrator manages every account of the territory, except a platform
    /// administrator's; a head, the school-level accounts linked to a school they head.
    /// </summary>
    private static bool CanManage(AccountRelations actor, ManagedAccount account) =>
        actor.IsTerritoryAdmin
            ? (account.Profiles & Profile.PlatformAdmin) == Profile.None || (actor.Profiles & Profile.PlatformAdmin) != Profile.None
            : (account.Profiles & ~HeadManageableProfiles) == Profile.None && account.SchoolIds.Any(actor.Heads);
}
