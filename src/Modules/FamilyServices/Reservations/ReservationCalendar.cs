using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Services;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Reservations;

/// <summary>How a day of the calendar may be changed by the household looking at it.</summary>
internal enum DayAccess
{
    /// <summary>The service does not run, the child is not registered that day, or the day is past.</summary>
    Closed,

    /// <summary>Before the deadline.</summary>
    Open,

    /// <summary>After the deadline, where the service accepts late changes (late tariff).</summary>
    Late,

    /// <summary>After the deadline, where the service refuses late changes.</summary>
    Locked,

    /// <summary>Booked by the child's other household, or already marked by the staff.</summary>
    NotYours,
}

/// <summary>One day of a service in a child's month.</summary>
internal sealed record CalendarDay(DateOnly Day, DayAccess Access, DayState? State, bool BookedByThisHousehold, bool LateChange, DateTime? Deadline, string? WhyClosed);

/// <summary>A service the child is registered to, with its days of the month (only days it runs).</summary>
internal sealed record ServiceMonth(Service Service, Registration Registration, IReadOnlyList<CalendarDay> Days);

/// <summary>
/// A child's month as a household sees it: the services it books (one registration each) with their
/// days, and the services that need no booking. Three indexed queries (registrations, the child's days
/// by the key's prefix, the services) and the cached school calendar: the page families open most.
/// </summary>
internal sealed class ReservationCalendar(FamilyServicesDbContext db, IStructureDirectory directory, TenantContext tenant, TimeProvider clock)
{
    public sealed record Month(DateOnly First, IReadOnlyList<ServiceMonth> Booked, IReadOnlyList<(Service Service, Registration Registration)> Other);

    public async Task<Month> LoadAsync(Guid childId, Guid householdId, DateOnly month, CancellationToken cancellationToken)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var registrations = await RegistrationsOfChild(db, childId, first, last).ToListAsync(cancellationToken);
        var bookable = registrations.Where(x => x.Service.RequiresReservation && x.Registration.Status == RegistrationStatus.Accepted).ToList();
        var serviceIds = bookable.Select(x => x.Service.Id).ToList();
        var rows = serviceIds.Count == 0 ? [] : await DaysOfChild(db, childId, serviceIds, first, last).ToListAsync(cancellationToken);
        var byKey = rows.ToDictionary(d => (d.ServiceId, d.Day));
        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = tenant.Today(clock);

        var months = bookable.Select(x =>
        {
            var days = new List<CalendarDay>();
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                if (!x.Service.Days.Contains(day.DayOfWeek))
                {
                    continue;
                }

                byKey.TryGetValue((x.Service.Id, day), out var row);
                days.Add(DayOf(x.Service, x.Registration, row, householdId, day, calendar, now, today));
            }

            return new ServiceMonth(x.Service, x.Registration, days);
        }).ToList();
        var other = registrations.Where(x => !bookable.Contains(x)).Select(x => (x.Service, x.Registration)).ToList();
        return new Month(first, months, other);
    }

    private sealed record Booked(Registration Registration, Service Service);

    // Compiled once (the page families open most): no query tree to build and look up on each request.
    private static readonly Func<FamilyServicesDbContext, Guid, DateOnly, DateOnly, IAsyncEnumerable<Booked>> RegistrationsOfChild = EF.CompileAsyncQuery(
        (FamilyServicesDbContext db, Guid childId, DateOnly first, DateOnly last) =>
            from r in db.Registrations.AsNoTracking()
            join s in db.Services.AsNoTracking() on r.ServiceId equals s.Id
            where r.ChildId == childId && Registration.Live.Contains(r.Status) && r.StartsOn <= last && r.EndsOn >= first
            orderby s.Name
            select new Booked(r, s));

    private static readonly Func<FamilyServicesDbContext, Guid, List<Guid>, DateOnly, DateOnly, IAsyncEnumerable<ChildDay>> DaysOfChild = EF.CompileAsyncQuery(
        (FamilyServicesDbContext db, Guid childId, List<Guid> serviceIds, DateOnly first, DateOnly last) =>
            db.ChildDays.AsNoTracking().Where(d => d.ChildId == childId && serviceIds.Contains(d.ServiceId) && d.Day >= first && d.Day <= last));

    private CalendarDay DayOf(Service service, Registration registration, ChildDay? row, Guid householdId, DateOnly day, SchoolCalendar calendar, DateTimeOffset now, DateOnly today)
    {
        var mine = row is not null && row.HouseholdId == householdId && row.Booking is Booking.Reserved or Booking.WaitingList;
        var whyClosed = ChangeReservations.WhyClosed(service, registration, day, today, calendar);
        if (whyClosed is not null)
        {
            return new CalendarDay(day, DayAccess.Closed, row?.State, mine, row?.LateChange == true, null, whyClosed);
        }

        var deadline = service.Deadline.LocalDeadlineFor(day, calendar);
        var access = row is not null && (row.IsMarked || (row.HouseholdId != householdId && row.Booking is Booking.Reserved or Booking.WaitingList))
            ? DayAccess.NotYours
            : service.Deadline.IsOpen(day, now, tenant.TimeZone, calendar) ? DayAccess.Open
            : service.LateChanges == LateChangePolicy.AcceptedWithLateTariff ? DayAccess.Late : DayAccess.Locked;
        return new CalendarDay(day, access, row?.State, mine, row?.LateChange == true, deadline, null);
    }
}
