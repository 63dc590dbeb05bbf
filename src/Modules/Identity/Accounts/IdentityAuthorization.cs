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

/// <summary>
/// Who may read or manage schools, classes and accounts. The territory filter already hides other
/// territories; these handlers add the relations: a head manages their own school only, and only
/// the school-level accounts of it.
/// </summary>
internal sealed class IdentityAuthorizationHandler(IAccountRelations relations) : IAuthorizationHandler
{
    /// <summary>The profiles a head may give or manage: never an administrator's or the town's.</summary>
    public const Profile HeadManageableProfiles = Profile.Pupil | Profile.Guardian | Profile.Teacher | Profile.SchoolLifeStaff | Profile.AfterSchoolStaff;

    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        foreach (var requirement in context.PendingRequirements.OfType<OperationAuthorizationRequirement>().ToList())
        {
            if (context.Resource is not (School or ClassGroup or ManagedAccount))
            {
                continue;
            }

            var actor = await relations.ForUserAsync(context.User);
            var allowed = context.Resource switch
            {
                School school => actor.IsTerritoryAdmin || actor.Heads(school.Id)
                    || (requirement == ResourceAuthorization.Read && actor.WorksIn(school.Id)),
                ClassGroup group => actor.IsTerritoryAdmin || actor.Heads(group.SchoolId)
                    || (requirement == ResourceAuthorization.Read && actor.WorksIn(group.SchoolId)),
                ManagedAccount account => actor.IsTerritoryAdmin
                    || ((account.Profiles & ~HeadManageableProfiles) == Profile.None && account.SchoolIds.Any(actor.Heads)),
                _ => false,
            };
            if (allowed)
            {
                context.Succeed(requirement);
            }
        }
    }
}
