using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;
using Preau.FamilyServices.Synthetic;
using Preau.Identity.Contracts;
using Preau.Platform.Demo;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Demo;

/// <summary>
/// Last month in Valmont, so that the demo agent can run its invoicing at once (/gestion/facturation): every
/// child booked this month was booked on the same weekdays last month, and those days were marked as the
/// days before today are (mostly present, some absences, a few presences without booking).
/// </summary>
internal sealed class InvoicingDemoSeed(FamilyServicesDbContext db, IStructureDirectory directory, FamilyActivity activity, TenantContext tenant, TimeProvider clock) : IDemoSeed
{
    /// <summary>After the services, bookings (order 50) and tariffs (order 100).</summary>
    public int Order => 110;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var today = tenant.Today(clock);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var lastMonth = thisMonth.AddMonths(-1);
        if (await db.ChildDays.AnyAsync(d => d.Day >= lastMonth && d.Day < thisMonth, cancellationToken))
        {
            return;
        }

        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);
        var services = await db.Services.AsNoTracking().Where(s => s.RequiresReservation).ToDictionaryAsync(s => s.Id, cancellationToken);
        var booked = (await db.ChildDays.AsNoTracking().Where(d => d.Day >= thisMonth && d.Booking == Booking.Reserved)
                .Select(d => new { d.ChildId, d.ServiceId, d.HouseholdId, d.Day }).ToListAsync(cancellationToken))
            .GroupBy(d => (d.ChildId, d.ServiceId, d.HouseholdId))
            .ToDictionary(g => g.Key, g => g.Select(d => d.Day.DayOfWeek).ToHashSet());
        var random = new Random(2025);
        var bookedAt = tenant.ToUtc(lastMonth.AddDays(-10), new TimeOnly(20, 30));
        foreach (var ((child, serviceId, household), weekdays) in booked)
        {
            if (!services.TryGetValue(serviceId, out var service))
            {
                continue;
            }

            foreach (var day in service.DaysBetween(lastMonth, thisMonth.AddDays(-1), calendar).Where(d => weekdays.Contains(d.DayOfWeek) && d < today))
            {
                var childDay = new ChildDay { ChildId = child, ServiceId = serviceId, Day = day, HouseholdId = household };
                childDay.Book(household, full: false, late: random.NextDouble() < 0.02, bookedAt);
                activity.Mark(childDay, service, walkIn: false, day, random);
                db.ChildDays.Add(childDay);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
