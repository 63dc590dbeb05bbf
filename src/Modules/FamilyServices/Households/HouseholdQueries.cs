using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.Identity.Contracts;

namespace Preau.FamilyServices.Households;

internal sealed record GuardianView(Guid PersonId, string DisplayName, string? MobilePhone, string? OtherPhone);

internal sealed record ChildView(Guid PersonId, string FirstName, string DisplayName, string? ClassName, Guid? SchoolId, string? SchoolName);

/// <summary>A household with its people's names (from Identity) and its guardians' phones.</summary>
internal sealed record HouseholdView(
    Guid Id,
    string Name,
    HouseholdStatus Status,
    string? Street,
    string? PostalCode,
    string? City,
    IReadOnlyList<GuardianView> Guardians,
    IReadOnlyList<ChildView> Children)
{
    public string? AddressLine => string.IsNullOrWhiteSpace(Street) ? null : $"{Street}, {PostalCode} {City}";
}

/// <summary>Households as pages and the API show them: a few batched queries, names from the structure directory.</summary>
internal sealed class HouseholdQueries(FamilyServicesDbContext db, IStructureDirectory directory)
{
    public async Task<HouseholdView?> GetAsync(Guid householdId, CancellationToken cancellationToken) =>
        await GetManyAsync([householdId], cancellationToken) is [var household, ..] ? household : null;

    /// <summary>The households a guardian lives in.</summary>
    public async Task<IReadOnlyList<HouseholdView>> OfGuardianAsync(Guid personId, CancellationToken cancellationToken)
    {
        var ids = await db.HouseholdMembers.AsNoTracking().Where(m => m.PersonId == personId && m.Role == MemberRole.Guardian).Select(m => m.HouseholdId).ToListAsync(cancellationToken);
        return await GetManyAsync(ids, cancellationToken);
    }

    public async Task<IReadOnlyList<HouseholdView>> GetManyAsync(IReadOnlyCollection<Guid> householdIds, CancellationToken cancellationToken)
    {
        if (householdIds.Count == 0)
        {
            return [];
        }

        var households = await db.Households.AsNoTracking().Include(h => h.Members).Where(h => householdIds.Contains(h.Id)).OrderBy(h => h.Name).ToListAsync(cancellationToken);
        var members = households.SelectMany(h => h.Members).ToList();
        var guardians = (await directory.GetPeopleAsync(members.Where(m => m.Role == MemberRole.Guardian).Select(m => m.PersonId), cancellationToken)).ToDictionary(p => p.Id);
        var children = (await directory.GetPupilsAsync(members.Where(m => m.Role == MemberRole.Child).Select(m => m.PersonId), cancellationToken)).ToDictionary(p => p.Id);
        var schools = (await directory.GetSchoolsAsync(children.Values.Where(c => c.SchoolId is not null).Select(c => c.SchoolId!.Value), cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
        return households.Select(h => new HouseholdView(
            h.Id, h.Name, h.Status, h.Street, h.PostalCode, h.City,
            h.Members.Where(m => m.Role == MemberRole.Guardian && guardians.ContainsKey(m.PersonId))
                .Select(m => new GuardianView(m.PersonId, guardians[m.PersonId].DisplayName, m.MobilePhone, m.OtherPhone))
                .OrderBy(g => g.DisplayName).ToList(),
            h.Members.Where(m => m.Role == MemberRole.Child && children.ContainsKey(m.PersonId))
                .Select(m => children[m.PersonId])
                .Select(c => new ChildView(c.Id, c.FirstName, c.DisplayName, c.ClassName, c.SchoolId, c.SchoolId is { } s ? schools.GetValueOrDefault(s) : null))
                .OrderBy(c => c.FirstName).ToList())).ToList();
    }
}
