using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Invoicing;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;
using Preau.Identity.Contracts;

namespace Preau.FamilyServices.Statistics;

/// <summary>A service as the statistics show it.</summary>
internal sealed record ServiceRow(Guid Id, string Name, ServiceKind Kind, Guid SchoolId, BillingUnit Unit, int? Capacity, bool RequiresReservation, TimeOnly? OpensAt, TimeOnly? ClosesAt);

/// <summary>
/// The services the figures cover: those of the schools the user sees that run during the period, narrowed
/// by the filters. <see cref="Restricted"/> says whether child days must be filtered by service (otherwise
/// the territory's query filter and the day range are enough, and no long IN list is sent).
/// </summary>
internal sealed record StatisticsScope(IReadOnlyList<SchoolInfo> Schools, IReadOnlyList<ServiceRow> Services, bool Restricted)
{
    public IReadOnlyDictionary<Guid, ServiceRow> ById { get; } = Services.ToDictionary(s => s.Id);

    public IReadOnlyDictionary<Guid, SchoolInfo> SchoolById { get; } = Schools.ToDictionary(s => s.Id);

    public IReadOnlyList<Guid> ServiceIds { get; } = Services.Select(s => s.Id).ToList();
}

/// <summary>Registrations of a service by status (live ones only: pending, accepted, waiting list).</summary>
internal sealed record RegistrationCounts(int Accepted, int Pending, int WaitingList)
{
    public static readonly RegistrationCounts Zero = new(0, 0, 0);

    /// <summary>Registrations holding a place (the capacity counts them).</summary>
    public int HoldingPlace => Accepted + Pending;

    /// <summary>Places held ÷ capacity, in percent; null without a capacity.</summary>
    public decimal? FillRate(int? capacity) => capacity is > 0 ? Rates.Percent(HoldingPlace, capacity.Value) : null;

    public static RegistrationCounts operator +(RegistrationCounts a, RegistrationCounts b) => new(a.Accepted + b.Accepted, a.Pending + b.Pending, a.WaitingList + b.WaitingList);
}

/// <summary>A group's counts as the database returns them (one row per key).</summary>
internal sealed record CountsRow<TKey>(TKey Key, int NotMarked, int Present, int PresentWithoutReservation, int AbsentExcused, int AbsentUnexcused, int CancelledLate)
{
    public AttendanceCounts Counts => new(NotMarked, Present, PresentWithoutReservation, AbsentExcused, AbsentUnexcused, CancelledLate);
}

/// <summary>
/// The statistics' reads. Every figure is a GROUP BY in the database over the (day, service, state) index
/// of child_days, or the (service, status) index of registrations: a département's year returns a few
/// rows per month, service or day, never its child days.
/// </summary>
internal sealed class StatisticsQueries(FamilyServicesDbContext db)
{
    /// <summary>The services of <paramref name="schools"/> running during the filter's period, narrowed by its school, kind and service.</summary>
    public async Task<StatisticsScope> ScopeAsync(IReadOnlyList<SchoolInfo> schools, bool everySchool, StatisticsFilter filter, CancellationToken cancellationToken)
    {
        var (first, last) = (filter.FirstDay, filter.LastDay);
        var query = db.Services.AsNoTracking().Where(s => s.StartsOn <= last && s.EndsOn >= first);
        var restricted = !everySchool || filter.SchoolId is not null || filter.Kind is not null || filter.ServiceId is not null;
        var shownSchools = filter.SchoolId is { } schoolId ? schools.Where(s => s.Id == schoolId).ToList() : schools;
        if (restricted)
        {
            var schoolIds = shownSchools.Select(s => s.Id).ToList();
            query = query.Where(s => schoolIds.Contains(s.SchoolId));
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(s => s.Kind == kind);
        }

        if (filter.ServiceId is { } serviceId)
        {
            query = query.Where(s => s.Id == serviceId);
        }

        var known = shownSchools.Select(s => s.Id).ToHashSet();
        var services = (await query
                .Select(s => new ServiceRow(s.Id, s.Name, s.Kind, s.SchoolId, s.BillingUnit, s.Capacity, s.RequiresReservation, s.OpensAt, s.ClosesAt))
                .ToListAsync(cancellationToken))
            .Where(s => known.Contains(s.SchoolId))
            .ToList();
        var byId = shownSchools.ToDictionary(s => s.Id);
        services = services.OrderBy(s => byId[s.SchoolId].Name, StringComparer.CurrentCulture).ThenBy(s => s.Kind).ThenBy(s => s.Name, StringComparer.CurrentCulture).ToList();
        return new StatisticsScope(shownSchools, services, restricted);
    }

    /// <summary>Attendance per month of the period (every month, zero when nothing happened).</summary>
    public async Task<IReadOnlyList<(Month Month, AttendanceCounts Counts)>> ByMonthAsync(StatisticsScope scope, StatisticsFilter filter, CancellationToken cancellationToken)
    {
        var rows = await CountAsync(Days(scope, filter.FirstDay, filter.LastDay), d => new { d.Day.Year, d.Day.Month }, cancellationToken);
        var found = rows.ToDictionary(r => new Month(r.Key.Year, r.Key.Month), r => r.Counts);
        return Month.Range(filter.From, filter.To).Select(m => (m, found.GetValueOrDefault(m, AttendanceCounts.Zero))).ToList();
    }

    /// <summary>Attendance per service over the period.</summary>
    public async Task<IReadOnlyDictionary<Guid, AttendanceCounts>> ByServiceAsync(StatisticsScope scope, StatisticsFilter filter, CancellationToken cancellationToken) =>
        (await CountAsync(Days(scope, filter.FirstDay, filter.LastDay), d => d.ServiceId, cancellationToken))
            .Where(r => scope.ById.ContainsKey(r.Key))
            .ToDictionary(r => r.Key, r => r.Counts);

    /// <summary>Attendance per service and month (the CSV's detail).</summary>
    public async Task<IReadOnlyList<(Guid ServiceId, Month Month, AttendanceCounts Counts)>> ByServiceAndMonthAsync(StatisticsScope scope, StatisticsFilter filter, CancellationToken cancellationToken) =>
        (await CountAsync(Days(scope, filter.FirstDay, filter.LastDay), d => new { d.ServiceId, d.Day.Year, d.Day.Month }, cancellationToken))
            .Where(r => scope.ById.ContainsKey(r.Key.ServiceId))
            .Select(r => (r.Key.ServiceId, new Month(r.Key.Year, r.Key.Month), r.Counts))
            .ToList();

    /// <summary>Attendance per day of one month (every day of the month, zero when nothing happened).</summary>
    public async Task<IReadOnlyList<(DateOnly Day, AttendanceCounts Counts)>> ByDayAsync(StatisticsScope scope, Month month, CancellationToken cancellationToken)
    {
        var rows = await CountAsync(Days(scope, month.FirstDay, month.LastDay), d => d.Day, cancellationToken);
        var found = rows.ToDictionary(r => r.Key, r => r.Counts);
        return Enumerable.Range(0, month.LastDay.Day).Select(i => month.FirstDay.AddDays(i))
            .Select(d => (d, found.GetValueOrDefault(d, AttendanceCounts.Zero))).ToList();
    }

    /// <summary>
    /// What the issued invoices of a month bill per service, credit notes deducted (their lines are negative).
    /// PostgreSQL sums in the query; SQLite keeps decimals as text and cannot sum them, so there the month's
    /// lines are streamed and summed here (an embedded deployment is a commune's size).
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, decimal>> InvoicedAsync(StatisticsScope scope, Month month, CancellationToken cancellationToken)
    {
        var first = month.FirstDay;
        var lines = from l in db.InvoiceLines.AsNoTracking()
                    join i in db.Invoices on l.InvoiceId equals i.Id
                    where i.Month == first && i.Status == InvoiceStatus.Issued
                    select l;
        if (scope.Restricted)
        {
            var ids = scope.ServiceIds;
            lines = lines.Where(l => ids.Contains(l.ServiceId));
        }

        var totals = new Dictionary<Guid, decimal>();
        if (db.Database.IsSqlite())
        {
            await foreach (var line in lines.Select(l => new { l.ServiceId, l.Amount }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                totals[line.ServiceId] = totals.GetValueOrDefault(line.ServiceId) + line.Amount;
            }
        }
        else
        {
            totals = await lines.GroupBy(l => l.ServiceId).Select(g => new { g.Key, Amount = g.Sum(l => l.Amount) })
                .ToDictionaryAsync(r => r.Key, r => r.Amount, cancellationToken);
        }

        return totals.Where(t => scope.ById.ContainsKey(t.Key)).ToDictionary(t => t.Key, t => t.Value);
    }

    /// <summary>Live registrations per service, and the number of distinct children with an accepted one, for the services of the period.</summary>
    public async Task<(IReadOnlyDictionary<Guid, RegistrationCounts> PerService, int Children)> RegistrationsAsync(StatisticsScope scope, StatisticsFilter filter, CancellationToken cancellationToken)
    {
        if (scope.Services.Count == 0)
        {
            return (new Dictionary<Guid, RegistrationCounts>(), 0);
        }

        var live = Registrations(scope, filter).Where(r => r.Status == RegistrationStatus.Accepted || r.Status == RegistrationStatus.Pending || r.Status == RegistrationStatus.WaitingList);
        var rows = await live.GroupBy(r => r.ServiceId).Select(g => new
        {
            ServiceId = g.Key,
            Accepted = g.Count(r => r.Status == RegistrationStatus.Accepted),
            Pending = g.Count(r => r.Status == RegistrationStatus.Pending),
            WaitingList = g.Count(r => r.Status == RegistrationStatus.WaitingList),
        }).ToListAsync(cancellationToken);
        var perService = rows.Where(r => scope.ById.ContainsKey(r.ServiceId)).ToDictionary(r => r.ServiceId, r => new RegistrationCounts(r.Accepted, r.Pending, r.WaitingList));
        var children = await Registrations(scope, filter).Where(r => r.Status == RegistrationStatus.Accepted).Select(r => r.ChildId).Distinct().CountAsync(cancellationToken);
        return (perService, children);
    }

    /// <summary>The registrations of the scope's services: by their ids when restricted, else by a join on the services running during the period.</summary>
    private IQueryable<Registration> Registrations(StatisticsScope scope, StatisticsFilter filter)
    {
        if (scope.Restricted)
        {
            var ids = scope.ServiceIds;
            return db.Registrations.AsNoTracking().Where(r => ids.Contains(r.ServiceId));
        }

        var (first, last) = (filter.FirstDay, filter.LastDay);
        return from r in db.Registrations.AsNoTracking()
               join s in db.Services.AsNoTracking() on r.ServiceId equals s.Id
               where s.StartsOn <= last && s.EndsOn >= first
               select r;
    }

    private IQueryable<ChildDay> Days(StatisticsScope scope, DateOnly first, DateOnly last)
    {
        var days = db.ChildDays.AsNoTracking().Where(d => d.Day >= first && d.Day <= last);
        if (scope.Restricted)
        {
            var ids = scope.ServiceIds;
            days = days.Where(d => ids.Contains(d.ServiceId));
        }

        return days;
    }

    private static async Task<List<CountsRow<TKey>>> CountAsync<TKey>(IQueryable<ChildDay> days, Expression<Func<ChildDay, TKey>> key, CancellationToken cancellationToken) =>
        await days.GroupBy(key).Select(g => new CountsRow<TKey>(
                g.Key,
                g.Count(d => d.State == DayState.Reserved),
                g.Count(d => d.State == DayState.Present),
                g.Count(d => d.State == DayState.PresentWithoutReservation),
                g.Count(d => d.State == DayState.AbsentExcused),
                g.Count(d => d.State == DayState.AbsentUnexcused),
                g.Count(d => d.State == DayState.CancelledLate)))
            .ToListAsync(cancellationToken);
}
