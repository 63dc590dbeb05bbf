using System.Security.Claims;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Reservations;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Statistics;

/// <summary>Who asks and what they may see: the schools (every school for the town's agent, their own for a head) and whether the estimate is theirs.</summary>
internal sealed record StatisticsAccess(IReadOnlyList<SchoolInfo> Schools, bool EverySchool, bool SeesEstimate, Month Current);

/// <summary>Everything the dashboard shows for a filter.</summary>
internal sealed record StatisticsReport(
    StatisticsFilter Filter,
    StatisticsScope Scope,
    IReadOnlyList<(Month Month, AttendanceCounts Counts)> ByMonth,
    IReadOnlyDictionary<Guid, AttendanceCounts> ByService,
    IReadOnlyList<(DateOnly Day, AttendanceCounts Counts)> ByDay,
    IReadOnlyDictionary<Guid, RegistrationCounts> Registrations,
    int RegisteredChildren,
    IReadOnlyDictionary<Guid, ServiceEstimate>? Estimate,
    IReadOnlyDictionary<Guid, decimal>? Invoiced)
{
    public AttendanceCounts Total => AttendanceCounts.Sum(ByMonth.Select(m => m.Counts));
}

/// <summary>
/// The statistics' use case, shared by the page, its CSV and the API: checks the filters against what the
/// user may see (an unknown or foreign school or service is refused with the same French message), then
/// runs the grouped queries.
/// </summary>
internal sealed class StatisticsReports(StaffSchools staffSchools, IStructureDirectory directory, StatisticsQueries queries, RevenueEstimate estimate, TenantContext tenant, TimeProvider clock)
{
    public async Task<StatisticsAccess> AccessAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var agent = user.HasAnyProfile(Profile.MunicipalAgent);
        var schools = await staffSchools.OfAsync(user, Profile.Head, cancellationToken);
        return new StatisticsAccess(schools, agent, agent, Month.Current(clock, tenant.TimeZone));
    }

    /// <summary>Reads the filters and the scope; problems are French messages (for the page's summary or the API's problem details).</summary>
    public async Task<(StatisticsFilter Filter, StatisticsScope Scope, IReadOnlyList<FormProblem> Problems)> ResolveAsync(StatisticsAccess access, StatisticsQuery query, CancellationToken cancellationToken)
    {
        var year = await directory.GetCurrentSchoolYearAsync(cancellationToken);
        var (filter, parsed) = StatisticsFilterParser.Parse(query, access.Current, year?.StartsOn);
        var problems = parsed.ToList();
        if (filter.SchoolId is { } schoolId && access.Schools.All(s => s.Id != schoolId))
        {
            problems.Add(new FormProblem("ecole", Fr("Cette école n’existe pas ou ne vous est pas accessible.")));
            filter = filter with { SchoolId = null };
        }

        var scope = await queries.ScopeAsync(access.Schools, access.EverySchool, filter, cancellationToken);
        if (filter.ServiceId is not null && scope.Services.Count == 0)
        {
            problems.Add(new FormProblem("service", Fr("Ce service n’existe pas, ne fonctionne pas sur cette période ou ne vous est pas accessible.")));
        }

        return (filter, scope, problems);
    }

    public async Task<StatisticsReport> BuildAsync(StatisticsAccess access, StatisticsFilter filter, StatisticsScope scope, bool withEstimate, CancellationToken cancellationToken)
    {
        var byMonth = await queries.ByMonthAsync(scope, filter, cancellationToken);
        var byService = await queries.ByServiceAsync(scope, filter, cancellationToken);
        var byDay = await queries.ByDayAsync(scope, filter.DayMonth, cancellationToken);
        var (registrations, children) = await queries.RegistrationsAsync(scope, filter, cancellationToken);
        var amounts = withEstimate && access.SeesEstimate;
        var estimated = amounts ? await estimate.EstimateAsync(scope.Services, scope.Restricted, filter.DayMonth, cancellationToken) : null;
        var invoiced = amounts ? await queries.InvoicedAsync(scope, filter.DayMonth, cancellationToken) : null;
        return new StatisticsReport(filter, scope, byMonth, byService, byDay, registrations, children, estimated, invoiced);
    }

    /// <summary>Attendance per service and month (the detailed CSV).</summary>
    public Task<IReadOnlyList<(Guid ServiceId, Month Month, AttendanceCounts Counts)>> ByServiceAndMonthAsync(StatisticsScope scope, StatisticsFilter filter, CancellationToken cancellationToken) =>
        queries.ByServiceAndMonthAsync(scope, filter, cancellationToken);
}
