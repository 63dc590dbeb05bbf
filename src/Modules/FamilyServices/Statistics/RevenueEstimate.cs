using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Invoicing;
using Preau.FamilyServices.QuotientFamilial;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;
using Preau.FamilyServices.Tariffs;

namespace Preau.FamilyServices.Statistics;

/// <summary>A service's estimated amount for a month.</summary>
/// <param name="Quantity">Units priced: days or sessions, hours, or months (flat monthly), per the tariff's unit.</param>
/// <param name="BillableDays">Billable child days counted (for a flat monthly service: the registrations priced).</param>
/// <param name="Amount">Sum of the priced lines, each rounded to the cent.</param>
/// <param name="UnpricedDays">Billable days with no tariff in force: not in the amount.</param>
internal sealed record ServiceEstimate(Guid ServiceId, decimal Quantity, int BillableDays, decimal Amount, int UnpricedDays)
{
    public static ServiceEstimate Empty(Guid serviceId) => new(serviceId, 0m, 0, 0m, 0);
}

/// <summary>
/// "Montant estimé par prestation": what the town expects to invoice for a month, from reservations and
/// attendance at the tariffs in force — not the invoices (they are the invoicing module's). Set-based:
/// a grouped query per tariff segment of the month (child, household, service, state, late flag → days
/// and first day), the month's rows only for services billed by the hour, the accepted registrations
/// for flat monthly services, the published tariff versions and the households' validated quotients in
/// two more queries; then every line is priced in memory by <see cref="TariffRules.Price"/>.
/// </summary>
/// <remarks>
/// Differences with invoices, on purpose (it is an estimate): a line is one child, service, state and late
/// flag for the month (quantity = its days), so the sibling reduction rounds once per line rather than
/// once per day; the quotient is the one in force on the line's first day; the child's rank is its place
/// among the household's children with billable days in the service that month, by id. Billable states:
/// reserved (not marked), present, absent without a valid reason, present without reservation
/// (no-reservation tariff), cancelled late (late tariff); a late change also takes the late tariff.
/// Hours: departure − arrival where both were recorded (each quarter of an hour started), else the service's
/// opening hours, else one hour.
/// </remarks>
internal sealed class RevenueEstimate(FamilyServicesDbContext db)
{
    /// <summary>Above this many households, their quotients are read for the whole territory (one range scan) rather than by a long IN list.</summary>
    private const int HouseholdListLimit = 1_000;

    /// <summary>One line to price: a child's days of a service in one state for the month (or a tariff segment of it).</summary>
    internal sealed record Line(Guid HouseholdId, Guid ChildId, Guid ServiceId, DayState State, bool Late, int Days, decimal Hours, DateOnly FirstDay);

    /// <param name="services">The services to estimate (the scope of the statistics).</param>
    /// <param name="restricted">Whether to read only these services' days (else every day of the territory's month, matched afterwards).</param>
    public async Task<IReadOnlyDictionary<Guid, ServiceEstimate>> EstimateAsync(IReadOnlyList<ServiceRow> services, bool restricted, Month month, CancellationToken cancellationToken)
    {
        var byId = services.ToDictionary(s => s.Id);
        if (services.Count == 0)
        {
            return new Dictionary<Guid, ServiceEstimate>();
        }

        var (first, last) = (month.FirstDay, month.LastDay);
        var versions = await db.TariffVersions.AsNoTracking()
            .Where(v => v.Status == TariffVersionStatus.Published && v.StartsOn <= last)
            .ToListAsync(cancellationToken);

        var lines = new List<Line>();
        var hourly = services.Where(s => s.Unit == BillingUnit.PerHour).Select(s => s.Id).ToList();
        var flat = services.Where(s => s.Unit == BillingUnit.FlatMonthly).Select(s => s.Id).ToList();
        var excluded = hourly.Concat(flat).ToHashSet();

        // Days and sessions: one grouped query per segment of the month in which no tariff version starts.
        foreach (var (from, to) in Segments(first, last, versions.Select(v => v.StartsOn)))
        {
            var days = db.ChildDays.AsNoTracking().Where(d => d.Day >= from && d.Day <= to && InvoiceRules.BilledStates.Contains(d.State));
            if (restricted)
            {
                var ids = services.Select(s => s.Id).Where(id => !excluded.Contains(id)).ToList();
                days = days.Where(d => ids.Contains(d.ServiceId));
            }

            var groups = await days
                .GroupBy(d => new { d.HouseholdId, d.ChildId, d.ServiceId, d.State, d.LateChange })
                .Select(g => new { g.Key.HouseholdId, g.Key.ChildId, g.Key.ServiceId, g.Key.State, g.Key.LateChange, Days = g.Count(), FirstDay = g.Min(d => d.Day) })
                .ToListAsync(cancellationToken);
            lines.AddRange(groups
                .Where(g => byId.ContainsKey(g.ServiceId) && !excluded.Contains(g.ServiceId))
                .Select(g => new Line(g.HouseholdId, g.ChildId, g.ServiceId, g.State, g.LateChange, g.Days, 0m, g.FirstDay)));
        }

        // Hours: the month's rows of the hourly services (times cannot be summed portably in SQL).
        if (hourly.Count > 0)
        {
            var rows = await db.ChildDays.AsNoTracking()
                .Where(d => d.Day >= first && d.Day <= last && hourly.Contains(d.ServiceId) && InvoiceRules.BilledStates.Contains(d.State))
                .Select(d => new { d.HouseholdId, d.ChildId, d.ServiceId, d.State, d.LateChange, d.Day, d.ArrivedAt, d.LeftAt })
                .ToListAsync(cancellationToken);
            var segments = Segments(first, last, versions.Select(v => v.StartsOn)).ToList();
            lines.AddRange(rows
                .GroupBy(r => new { r.HouseholdId, r.ChildId, r.ServiceId, r.State, r.LateChange, Segment = segments.FindIndex(s => r.Day >= s.From && r.Day <= s.To) })
                .Select(g => new Line(g.Key.HouseholdId, g.Key.ChildId, g.Key.ServiceId, g.Key.State, g.Key.LateChange, g.Count(),
                    g.Sum(r => Hours(r.ArrivedAt, r.LeftAt, byId[r.ServiceId])), g.Min(r => r.Day))));
        }

        // Flat monthly: one month per accepted registration covering part of the month.
        if (flat.Count > 0)
        {
            var registrations = await db.Registrations.AsNoTracking()
                .Where(r => flat.Contains(r.ServiceId) && r.Status == RegistrationStatus.Accepted && r.StartsOn <= last && r.EndsOn >= first)
                .Select(r => new { r.HouseholdId, r.ChildId, r.ServiceId, r.StartsOn })
                .ToListAsync(cancellationToken);
            lines.AddRange(registrations.Select(r => new Line(r.HouseholdId, r.ChildId, r.ServiceId, DayState.Reserved, false, 1, 0m, r.StartsOn > first ? r.StartsOn : first)));
        }

        var quotients = await QuotientsAsync(lines.Select(l => l.HouseholdId).Distinct().ToList(), first, last, cancellationToken);
        return Price(lines, services, versions, quotients);
    }

    /// <summary>Prices the lines (pure: the unit tests call it with lines of their own).</summary>
    internal static IReadOnlyDictionary<Guid, ServiceEstimate> Price(
        IReadOnlyList<Line> lines, IReadOnlyList<ServiceRow> services, IReadOnlyList<TariffVersion> versions, ILookup<Guid, QuotientFamilialRecord> quotients)
    {
        var byId = services.ToDictionary(s => s.Id);
        var ranks = lines.GroupBy(l => (l.HouseholdId, l.ServiceId))
            .SelectMany(g => g.Select(l => l.ChildId).Distinct().Order().Select((child, i) => (g.Key, child, Rank: i + 1)))
            .ToDictionary(x => (x.Key.HouseholdId, x.Key.ServiceId, x.child), x => x.Rank);
        var result = services.ToDictionary(s => s.Id, s => ServiceEstimate.Empty(s.Id));
        foreach (var line in lines)
        {
            if (!byId.TryGetValue(line.ServiceId, out var service))
            {
                continue;
            }

            var current = result[service.Id];
            var version = TariffRules.InForce(versions, service.Kind, service.Id, line.FirstDay);
            if (version is null || version.Brackets.Count == 0)
            {
                result[service.Id] = current with { BillableDays = current.BillableDays + line.Days, UnpricedDays = current.UnpricedDays + line.Days };
                continue;
            }

            var quantity = version.Unit switch
            {
                BillingUnit.PerHour => line.Hours > 0 ? line.Hours : line.Days * Hours(null, null, service),
                BillingUnit.FlatMonthly => 1m,
                _ => line.Days,
            };
            var quotient = QuotientFamilialRecord.InForce(quotients[line.HouseholdId], line.FirstDay)?.Amount;
            var billed = InvoiceRules.Bill(line.State, line.Late);
            var priced = TariffRules.Price(version, new PricingRequest(
                quotient, ranks[(line.HouseholdId, line.ServiceId, line.ChildId)], quantity, billed.Late, billed.NoReservation));
            result[service.Id] = current with
            {
                Quantity = current.Quantity + quantity,
                BillableDays = current.BillableDays + line.Days,
                Amount = current.Amount + priced.Amount,
            };
        }

        return result;
    }

    /// <summary>The month cut where a tariff version starts, so that one version is in force on each piece (per kind and service).</summary>
    internal static IEnumerable<(DateOnly From, DateOnly To)> Segments(DateOnly first, DateOnly last, IEnumerable<DateOnly> versionStarts)
    {
        var cuts = versionStarts.Where(d => d > first && d <= last).Distinct().Order().ToList();
        var from = first;
        foreach (var cut in cuts)
        {
            yield return (from, cut.AddDays(-1));
            from = cut;
        }

        yield return (from, last);
    }

    /// <summary>
    /// Hours of a day at an hourly service: every quarter of an hour started is due (16:30–18:05 is 1,75 h),
    /// as invoicing counts them.
    /// </summary>
    internal static decimal Hours(TimeOnly? arrivedAt, TimeOnly? leftAt, ServiceRow service) =>
        InvoiceRules.Hours(arrivedAt, leftAt, service.OpensAt, service.ClosesAt);

    private async Task<ILookup<Guid, QuotientFamilialRecord>> QuotientsAsync(List<Guid> households, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        if (households.Count == 0)
        {
            return Array.Empty<QuotientFamilialRecord>().ToLookup(r => r.HouseholdId);
        }

        var query = db.QuotientRecords.AsNoTracking().Where(r => r.Status == QuotientStatus.Validated && r.ValidFrom <= last && r.ValidUntil >= first);
        if (households.Count <= HouseholdListLimit)
        {
            query = query.Where(r => households.Contains(r.HouseholdId));
        }

        return (await query.ToListAsync(cancellationToken)).ToLookup(r => r.HouseholdId);
    }
}
