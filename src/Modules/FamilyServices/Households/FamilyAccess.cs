using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;

namespace Preau.FamilyServices.Households;

/// <summary>
/// Loads households, children and services as resources and asks the authorization layer about them,
/// so that pages and API endpoints answer "not found" for what is not the user's (never "forbidden").
/// </summary>
internal sealed class FamilyAccess(FamilyServicesDbContext db, IStructureDirectory directory, IAuthorizationService authorization)
{
    /// <summary>The households a person lives in as a guardian.</summary>
    public async Task<IReadOnlyList<Guid>> HouseholdsOfGuardianAsync(Guid personId, CancellationToken cancellationToken) =>
        await db.HouseholdMembers.AsNoTracking()
            .Where(m => m.PersonId == personId && m.Role == MemberRole.Guardian)
            .Select(m => m.HouseholdId)
            .ToListAsync(cancellationToken);

    /// <summary>A household as a resource, or null when it does not exist in this territory.</summary>
    public async Task<HouseholdResource?> HouseholdAsync(Guid householdId, CancellationToken cancellationToken)
    {
        var members = await db.HouseholdMembers.AsNoTracking()
            .Where(m => m.HouseholdId == householdId)
            .Select(m => new { m.PersonId, m.Role })
            .ToListAsync(cancellationToken);
        if (members.Count == 0 && !await db.Households.AnyAsync(h => h.Id == householdId, cancellationToken))
        {
            return null;
        }

        return new HouseholdResource(
            householdId,
            members.Where(m => m.Role == MemberRole.Guardian).Select(m => m.PersonId).ToHashSet(),
            members.Where(m => m.Role == MemberRole.Child).Select(m => m.PersonId).ToHashSet());
    }

    /// <summary>The household if the user may do <paramref name="operation"/> on it, else null.</summary>
    public async Task<HouseholdResource?> AuthorizedHouseholdAsync(ClaimsPrincipal user, Guid householdId, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        var household = await HouseholdAsync(householdId, cancellationToken);
        return household is not null && await authorization.CanAsync(user, household, operation) ? household : null;
    }

    /// <summary>
    /// A child as a resource: the guardians of the households the child lives in, and the child's
    /// current school. Null when the child is not a pupil of this territory.
    /// </summary>
    public async Task<ChildResource?> ChildAsync(Guid childId, CancellationToken cancellationToken)
    {
        if (await directory.GetPupilsAsync([childId], cancellationToken) is not [var pupil, ..])
        {
            return null;
        }

        var guardians = await (from c in db.HouseholdMembers.AsNoTracking()
                               join g in db.HouseholdMembers on c.HouseholdId equals g.HouseholdId
                               where c.PersonId == childId && c.Role == MemberRole.Child && g.Role == MemberRole.Guardian
                               select g.PersonId).Distinct().ToListAsync(cancellationToken);
        return new ChildResource(childId, pupil.SchoolId, guardians.ToHashSet());
    }

    /// <summary>The child if the user may do <paramref name="operation"/> for them, else null.</summary>
    public async Task<ChildResource?> AuthorizedChildAsync(ClaimsPrincipal user, Guid childId, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        var child = await ChildAsync(childId, cancellationToken);
        return child is not null && await authorization.CanAsync(user, child, operation) ? child : null;
    }

    /// <summary>The service if the user may do <paramref name="operation"/> on it, else null.</summary>
    public async Task<Services.Service?> AuthorizedServiceAsync(ClaimsPrincipal user, Guid serviceId, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        var service = await db.Services.AsNoTracking().Include(s => s.Stops).FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        return service is not null && await authorization.CanAsync(user, new ServiceResource(service.Id, service.SchoolId), operation) ? service : null;
    }

    /// <summary>
    /// The household through which the user acts for a child: the one given (if the user may act for it
    /// and the child lives in it), else the user's own household holding the child. Null otherwise.
    /// </summary>
    public async Task<Guid?> ActingHouseholdAsync(ClaimsPrincipal user, Guid childId, Guid? requested, CancellationToken cancellationToken)
    {
        var households = await db.HouseholdMembers.AsNoTracking()
            .Where(m => m.PersonId == childId && m.Role == MemberRole.Child)
            .Select(m => m.HouseholdId)
            .ToListAsync(cancellationToken);
        if (requested is { } id)
        {
            return households.Contains(id) && await AuthorizedHouseholdAsync(user, id, ResourceAuthorization.Manage, cancellationToken) is not null ? id : null;
        }

        var own = await HouseholdsOfGuardianAsync(user.RequiredAccountId(), cancellationToken);
        return households.Intersect(own).Cast<Guid?>().FirstOrDefault();
    }
}
