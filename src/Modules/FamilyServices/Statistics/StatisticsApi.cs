using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Households;

namespace Preau.FamilyServices.Statistics;

internal sealed record AttendanceDto(int Booked, int Present, int PresentWithoutReservation, int AbsentExcused, int AbsentUnexcused, int CancelledLate, int NotMarked, int Billable, decimal? AttendanceRate)
{
    public static AttendanceDto Of(AttendanceCounts c) => new(c.Booked, c.Present, c.PresentWithoutReservation, c.AbsentExcused, c.AbsentUnexcused, c.CancelledLate, c.NotMarked, c.Billable, c.Rate);
}

internal sealed record MonthAttendanceDto(string Month, AttendanceDto Attendance);

internal sealed record DayAttendanceDto(DateOnly Day, AttendanceDto Attendance);

internal sealed record RegistrationsDto(int Accepted, int Pending, int WaitingList, int? Capacity, decimal? FillRate);

/// <summary>
/// The month's amounts (<c>month</c>): estimated from reservations and attendance at the tariffs in force, and
/// invoiced (issued invoices of that month, credit notes deducted).
/// </summary>
internal sealed record EstimateDto(string Month, int BillableDays, decimal Quantity, decimal Amount, int UnpricedDays, decimal Invoiced);

internal sealed record ServiceStatisticsDto(Guid ServiceId, string Service, string Kind, string BillingUnit, Guid SchoolId, string Uai, string School, AttendanceDto Attendance, RegistrationsDto Registrations, EstimateDto? Estimate);

internal sealed record StatisticsDto(
    string From, string To, string Month, Guid? SchoolId, string? Kind, Guid? ServiceId,
    AttendanceDto Total, int RegisteredChildren, decimal? EstimatedAmount, decimal? InvoicedAmount,
    IReadOnlyList<MonthAttendanceDto> Months, IReadOnlyList<DayAttendanceDto> Days, IReadOnlyList<ServiceStatisticsDto> Services);

/// <summary>/api/v1/family/statistics: the dashboard's figures as JSON (docs/family-services.md, Statistics).</summary>
internal static class StatisticsApi
{
    /// <summary>The page's French parameter names and the API's.</summary>
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["du"] = "from", ["au"] = "to", ["mois"] = "month", ["ecole"] = "schoolId", ["type"] = "kind", ["service"] = "serviceId",
    };

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/statistics", GetAsync).RequireAuthorization(FamilyServicesPermissions.ReadStatistics)
            .WithSummary("Les statistiques : présence par mois, par jour (month=AAAA-MM) et par service, inscriptions, montant estimé du mois (agent) ; from/to=AAAA-MM (24 mois au plus), schoolId, kind, serviceId.");

    private static async Task<Results<Ok<StatisticsDto>, ProblemHttpResult, ValidationProblem>> GetAsync(
        [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? month, [FromQuery] string? schoolId, [FromQuery] string? kind, [FromQuery] string? serviceId,
        HttpContext http, StatisticsReports reports, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        var access = await reports.AccessAsync(http.User, cancellationToken);
        if (access.Schools.Count == 0)
        {
            return ApiRequests.NotFound(localizer);
        }

        var (filter, scope, problems) = await reports.ResolveAsync(access, new StatisticsQuery(from, to, month, schoolId, kind, serviceId), cancellationToken);
        if (problems.Count > 0)
        {
            return ApiRequests.Invalid(problems.Select(p => p with { Field = Fields.GetValueOrDefault(p.Field, p.Field) }), localizer);
        }

        var report = await reports.BuildAsync(access, filter, scope, withEstimate: true, cancellationToken);
        var services = scope.Services.Select(s =>
        {
            var school = scope.SchoolById[s.SchoolId];
            var r = report.Registrations.GetValueOrDefault(s.Id, RegistrationCounts.Zero);
            var e = report.Estimate?.GetValueOrDefault(s.Id);
            return new ServiceStatisticsDto(
                s.Id, s.Name, s.Kind.ToString(), s.Unit.ToString(), school.Id, school.Uai, school.Name,
                AttendanceDto.Of(report.ByService.GetValueOrDefault(s.Id, AttendanceCounts.Zero)),
                new RegistrationsDto(r.Accepted, r.Pending, r.WaitingList, s.Capacity, r.FillRate(s.Capacity)),
                e is null ? null : new EstimateDto(filter.DayMonth.ToString(), e.BillableDays, e.Quantity, e.Amount, e.UnpricedDays, report.Invoiced?.GetValueOrDefault(s.Id) ?? 0m));
        }).ToList();
        return TypedResults.Ok(new StatisticsDto(
            filter.From.ToString(), filter.To.ToString(), filter.DayMonth.ToString(), filter.SchoolId, filter.Kind?.ToString(), filter.ServiceId,
            AttendanceDto.Of(report.Total), report.RegisteredChildren, report.Estimate?.Values.Sum(e => e.Amount), report.Invoiced?.Values.Sum(),
            report.ByMonth.Select(m => new MonthAttendanceDto(m.Month.ToString(), AttendanceDto.Of(m.Counts))).ToList(),
            report.ByDay.Select(d => new DayAttendanceDto(d.Day, AttendanceDto.Of(d.Counts))).ToList(),
            services));
    }
}
