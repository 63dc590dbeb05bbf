using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;

namespace Preau.FamilyServices.Households;

/// <summary>A household as a resource: who lives in it.</summary>
internal sealed record HouseholdResource(Guid Id, IReadOnlySet<Guid> GuardianIds, IReadOnlySet<Guid> ChildIds);

/// <summary>A child as a resource of the family services: their households' guardians and their school.</summary>
internal sealed record ChildResource(Guid ChildId, Guid? SchoolId, IReadOnlySet<Guid> GuardianIds);

/// <summary>A service of a school as a resource (its attendance sheet, its numbers, its settings).</summary>
internal sealed record ServiceResource(Guid ServiceId, Guid SchoolId);

/// <summary>The operations of the family services beyond Read and Manage.</summary>
internal static class FamilyOperations
{
    /// <summary>Marking attendance on a service's sheet (which shows children's health flags).</summary>
    public static readonly OperationAuthorizationRequirement Point = new() { Name = nameof(Point) };
}

/// <summary>
/// Who may do what with households, children and services (DESIGN.md: profiles plus relations).
/// The territory filter already hides other territories; these rules add the relations:
/// a guardian acts for the households they live in and the children of those households; the
/// after-school staff of a school see and mark its children (with their health flags, which they need);
/// a head reads the school's numbers; the town's agent acts for the whole territory.
/// </summary>
internal sealed class FamilyAuthorizationHandler(IAccountRelations relations) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.Resource is not (HouseholdResource or ChildResource or ServiceResource))
        {
            return;
        }

        // A family's pages need only who the user is; the school relations are loaded for staff checks only.
        var user = context.User;
        var accountId = user.AccountId() ?? Guid.Empty;
        var isAgent = user.HasAnyProfile(Profile.MunicipalAgent);
        foreach (var requirement in context.PendingRequirements.OfType<OperationAuthorizationRequirement>().ToList())
        {
            var read = requirement == ResourceAuthorization.Read;
            var allowed = isAgent || context.Resource switch
            {
                HouseholdResource household => household.GuardianIds.Contains(accountId),
                ChildResource child => child.GuardianIds.Contains(accountId)
                    || (read && child.SchoolId is { } school && await WorksInAsync(user, school, Profile.AfterSchoolStaff)),
                ServiceResource service => (read && await WorksInAsync(user, service.SchoolId, Profile.AfterSchoolStaff | Profile.Head))
                    || (requirement == FamilyOperations.Point && await WorksInAsync(user, service.SchoolId, Profile.AfterSchoolStaff)),
                _ => false,
            };
            if (allowed)
            {
                context.Succeed(requirement);
            }
        }
    }

    private async Task<bool> WorksInAsync(System.Security.Claims.ClaimsPrincipal user, Guid schoolId, Profile profiles) =>
        user.HasAnyProfile(profiles) && (await relations.ForUserAsync(user)).WorksIn(schoolId, profiles);
}
