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
internal sealed class FamilyHomeSection(FamilyServicesDbContext db, IStructureDirectory directory, TenantContext tenant, TimeProvider clock) : IHomeSection
{
    public int Order => 20;

    public async Task<HomeSectionView?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.HasAnyProfile(Profile.Guardian))
        {
            return null;
        }

        var accountId = user.RequiredAccountId();
        var members = await (from g in db.HouseholdMembers.AsNoTracking()
                             join c in db.HouseholdMembers on g.HouseholdId equals c.HouseholdId
                             where g.PersonId == accountId && g.Role == MemberRole.Guardian
                             select new { g.HouseholdId, c.PersonId, c.Role }).ToListAsync(cancellationToken);
        var today = tenant.Today(clock);
        var next = (await directory.GetSchoolCalendarAsync(cancellationToken)).NextWorkingDay(today);
        if (members.Count == 0)
        {
            return new HomeSectionView("/Pages/Households/_FamilySection.cshtml", new FamilySectionModel(false, next, [], 0, 0));
        }

        var householdIds = members.Select(m => m.HouseholdId).Distinct().ToList();
        var childIds = members.Where(m => m.Role == MemberRole.Child).Select(m => m.PersonId).Distinct().ToList();
        var days = await (from d in db.ChildDays.AsNoTracking()
                          join s in db.Services.AsNoTracking() on d.ServiceId equals s.Id
                          where childIds.Contains(d.ChildId) && (d.Day == today || d.Day == next) && d.Booking == Booking.Reserved
                          orderby s.Kind
                          select new { d.ChildId, d.Day, s.Name }).ToListAsync(cancellationToken);
        var awaiting = await db.Registrations.CountAsync(r => childIds.Contains(r.ChildId) && (r.Status == RegistrationStatus.Pending || r.Status == RegistrationStatus.WaitingList), cancellationToken);
        var rejected = await db.SupportingDocuments.CountAsync(d => householdIds.Contains(d.HouseholdId) && d.Status == DocumentStatus.Rejected, cancellationToken);
        var names = await directory.GetPeopleAsync(childIds, cancellationToken);
        var children = names.OrderBy(n => n.FirstName).Select(n => new ChildDaysView(
            n.Id, n.FirstName,
            days.Where(d => d.ChildId == n.Id && d.Day == today).Select(d => d.Name).ToList(),
            days.Where(d => d.ChildId == n.Id && d.Day == next).Select(d => d.Name).ToList())).ToList();
        return new HomeSectionView("/Pages/Households/_FamilySection.cshtml", new FamilySectionModel(true, next, children, awaiting, rejected));
    }
}
