using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Households;

/// <summary>A child's booked services today and on the next school day, for the guardian's home page.</summary>
internal sealed record ChildDaysView(Guid ChildId, string FirstName, IReadOnlyList<string> Today, IReadOnlyList<string> Next);

internal sealed record FamilySectionModel(bool HasHousehold, DateOnly Next, IReadOnlyList<ChildDaysView> Children, int AwaitingRegistrations, int RejectedDocuments);

/// <summary>
/// The family's "today": where each child is expected today and on the next school day (canteen, care),
/// and what waits for the family. Four indexed queries.
/// </summary>
internal sealed class FamilyHomeSection(FamilyServicesDbContext db, IStructureDirectory directory, HomeScopes scopes, TenantContext tenant, TimeProvider clock) : IHomeSection
{
    public int Order => 20;

    public async Task<HomeSectionView?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.HasAnyProfile(Profile.Guardian))
        {
            return null;
        }

        var accountId = user.RequiredAccountId();
        var members = await MembersOfGuardiansHouseholds(db, accountId).ToListAsync(cancellationToken);
        var today = tenant.Today(clock);
        var next = (await directory.GetSchoolCalendarAsync(cancellationToken)).NextWorkingDay(today);
        scopes.Follow(accountId, tenant.RequiredTerritoryId);
        if (members.Count == 0)
        {
            return new HomeSectionView("/Pages/Households/_FamilySection.cshtml", new FamilySectionModel(false, next, [], 0, 0));
        }

        var householdIds = members.Select(m => m.HouseholdId).Distinct().ToList();
        var childIds = members.Where(m => m.Role == MemberRole.Child).Select(m => m.PersonId).Distinct().ToList();
        var days = await BookedDays(db, childIds, today, next).ToListAsync(cancellationToken);
        var awaiting = await AwaitingRegistrations(db, childIds);
        var rejected = await RejectedDocuments(db, householdIds);
        scopes.Follow([.. householdIds, .. childIds, .. days.Select(d => d.ServiceId)]);
        // The household's children are among the guardian's, which the sections before this one asked the
        // directory about: answered without a query of its own. Unlike names, pupils leave out closed accounts.
        var names = await directory.GetPupilsAsync(childIds, cancellationToken);
        var children = names.OrderBy(n => n.FirstName).Select(n => new ChildDaysView(
            n.Id, n.FirstName,
            days.Where(d => d.ChildId == n.Id && d.Day == today).Select(d => d.Name).ToList(),
            days.Where(d => d.ChildId == n.Id && d.Day == next).Select(d => d.Name).ToList())).ToList();
        return new HomeSectionView("/Pages/Households/_FamilySection.cshtml", new FamilySectionModel(true, next, children, awaiting, rejected));
    }

    private sealed record MemberRow(Guid HouseholdId, Guid PersonId, MemberRole Role);

    private sealed record DayRow(Guid ChildId, DateOnly Day, Guid ServiceId, string Name);

    // The home page's questions are compiled once (decision 0017): building and looking up their LINQ on
    // each request cost more than running them.
    private static readonly Func<FamilyServicesDbContext, Guid, IAsyncEnumerable<MemberRow>> MembersOfGuardiansHouseholds = EF.CompileAsyncQuery(
        (FamilyServicesDbContext db, Guid accountId) =>
            from g in db.HouseholdMembers.AsNoTracking()
            join c in db.HouseholdMembers on g.HouseholdId equals c.HouseholdId
            where g.PersonId == accountId && g.Role == MemberRole.Guardian
            select new MemberRow(g.HouseholdId, c.PersonId, c.Role));

    private static readonly Func<FamilyServicesDbContext, List<Guid>, DateOnly, DateOnly, IAsyncEnumerable<DayRow>> BookedDays = EF.CompileAsyncQuery(
        (FamilyServicesDbContext db, List<Guid> childIds, DateOnly today, DateOnly next) =>
            from d in db.ChildDays.AsNoTracking()
            join s in db.Services.AsNoTracking() on d.ServiceId equals s.Id
            where childIds.Contains(d.ChildId) && (d.Day == today || d.Day == next) && d.Booking == Booking.Reserved
            orderby s.Kind
            select new DayRow(d.ChildId, d.Day, s.Id, s.Name));

    private static readonly Func<FamilyServicesDbContext, List<Guid>, Task<int>> AwaitingRegistrations = EF.CompileAsyncQuery(
        (FamilyServicesDbContext db, List<Guid> childIds) =>
            db.Registrations.Count(r => childIds.Contains(r.ChildId) && (r.Status == RegistrationStatus.Pending || r.Status == RegistrationStatus.WaitingList)));

    private static readonly Func<FamilyServicesDbContext, List<Guid>, Task<int>> RejectedDocuments = EF.CompileAsyncQuery(
        (FamilyServicesDbContext db, List<Guid> householdIds) =>
            db.SupportingDocuments.Count(d => householdIds.Contains(d.HouseholdId) && d.Status == DocumentStatus.Rejected));
}
