using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Statistics;

internal sealed record StatisticsHomeModel(Month Month, AttendanceCounts Counts, int RegisteredChildren);

/// <summary>
/// The town's agent's home: this month's attendance rate (so far) and the children registered, with a link
/// to the dashboard. Two queries: one grouped count on the (day, service, state) index of child_days, one
/// distinct count of children on the registrations' (child, status) index.
/// </summary>
internal sealed class StatisticsHomeSection(FamilyServicesDbContext db, TenantContext tenant, TimeProvider clock) : IHomeSection
{
    public int Order => 21;

    public async Task<HomeSectionView?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.HasAnyProfile(Profile.MunicipalAgent))
        {
            return null;
        }

        var month = Month.Current(clock, tenant.TimeZone);
        var (first, today) = (month.FirstDay, tenant.Today(clock));
        var counts = (await db.ChildDays.AsNoTracking()
            .Where(d => d.Day >= first && d.Day <= today)
            .GroupBy(d => 1)
            .Select(g => new AttendanceCounts(
                g.Count(d => d.State == DayState.Reserved),
                g.Count(d => d.State == DayState.Present),
                g.Count(d => d.State == DayState.PresentWithoutReservation),
                g.Count(d => d.State == DayState.AbsentExcused),
                g.Count(d => d.State == DayState.AbsentUnexcused),
                g.Count(d => d.State == DayState.CancelledLate)))
            .ToListAsync(cancellationToken)).SingleOrDefault() ?? AttendanceCounts.Zero;
        var children = await db.Registrations.AsNoTracking()
            .Where(r => r.Status == RegistrationStatus.Accepted)
            .Select(r => r.ChildId).Distinct().CountAsync(cancellationToken);
        return new HomeSectionView("/Pages/Statistics/_HomeSection.cshtml", new StatisticsHomeModel(month, counts, children));
    }
}
