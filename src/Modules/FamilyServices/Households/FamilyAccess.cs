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
    private readonly Dictionary<Guid, IReadOnlyList<Member>> _childHouseholds = [];

    private sealed record Member(Guid HouseholdId, Guid PersonId, MemberRole Role);

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
        var members = await ChildHouseholdsAsync(childId, cancellationToken);
        if ((await ChildrenAsync(childId, members, cancellationToken)).FirstOrDefault(p => p.Id == childId) is not { } pupil)
        {
            return null;
        }

        return new ChildResource(childId, pupil.SchoolId, members.Where(m => m.Role == MemberRole.Guardian).Select(m => m.PersonId).ToHashSet());
    }

    /// <summary>The children (pupils of the territory) of one of the child's households, the child included.</summary>
    public async Task<IReadOnlyList<PupilInfo>> ChildrenOfHouseholdAsync(Guid childId, Guid householdId, CancellationToken cancellationToken)
    {
        var members = await ChildHouseholdsAsync(childId, cancellationToken);
        var ofHousehold = members.Where(m => m.HouseholdId == householdId && m.Role == MemberRole.Child).Select(m => m.PersonId).ToHashSet();
        return (await ChildrenAsync(childId, members, cancellationToken)).Where(p => ofHousehold.Contains(p.Id)).ToList();
    }

    /// <summary>The child and the children of the child's households, asked of the directory as one set (one query per request).</summary>
    private Task<IReadOnlyList<PupilInfo>> ChildrenAsync(Guid childId, IReadOnlyList<Member> members, CancellationToken cancellationToken) =>
        directory.GetPupilsAsync(members.Where(m => m.Role == MemberRole.Child).Select(m => m.PersonId).Append(childId), cancellationToken);

    /// <summary>
    /// Everyone in the households a child lives in, in one query remembered for the request: a child's
    /// pages ask in turn for the child's guardians, the acting household and the siblings.
    /// </summary>
    private async Task<IReadOnlyList<Member>> ChildHouseholdsAsync(Guid childId, CancellationToken cancellationToken)
    {
        if (!_childHouseholds.TryGetValue(childId, out var members))
        {
            members = await HouseholdsOfChild(db, childId).ToListAsync(cancellationToken);
            _childHouseholds[childId] = members;
        }

        return members;
    }

    // Compiled once: every page about a child starts here (calendar, registrations, household).
    private static readonly Func<FamilyServicesDbContext, Guid, IAsyncEnumerable<Member>> HouseholdsOfChild = EF.CompileAsyncQuery(
        (FamilyServicesDbContext db, Guid childId) =>
            from c in db.HouseholdMembers.AsNoTracking()
            join m in db.HouseholdMembers.AsNoTracking() on c.HouseholdId equals m.HouseholdId
            where c.PersonId == childId && c.Role == MemberRole.Child
            orderby m.HouseholdId
            select new Member(m.HouseholdId, m.PersonId, m.Role));

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
        var members = await ChildHouseholdsAsync(childId, cancellationToken);
        if (requested is { } id)
        {
            return members.Any(m => m.HouseholdId == id) && await AuthorizedHouseholdAsync(user, id, ResourceAuthorization.Manage, cancellationToken) is not null ? id : null;
        }

        var accountId = user.RequiredAccountId();
        return members.Where(m => m.PersonId == accountId && m.Role == MemberRole.Guardian).Select(m => (Guid?)m.HouseholdId).FirstOrDefault();
    }
}
