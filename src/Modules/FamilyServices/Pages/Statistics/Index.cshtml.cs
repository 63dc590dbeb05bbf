using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Services;
using Preau.FamilyServices.Statistics;
using Preau.Identity.Contracts;

namespace Preau.FamilyServices.Pages.Statistics;

/// <summary>
/// The statistics dashboard (issue 5, item 9): attendance per month, school, service and day, registered
/// children, and the estimated amount per service; each table as CSV. The town's agent sees the territory;
/// a school head their school's attendance and registrations.
/// </summary>
[Authorize(Policy = FamilyServicesPermissions.ReadStatistics)]
internal sealed class IndexModel(StatisticsReports reports, IStringLocalizer localizer) : PageModel
{
    /// <summary>Services per page in the per-service tables (a département has thousands).</summary>
    public const int ServicesPerPage = 50;

    /// <summary>Above this many services, the registrations' chart groups them by kind.</summary>
    public const int ChartedServices = 20;

    public StatisticsAccess Access { get; private set; } = null!;

    public StatisticsQuery Query { get; private set; } = new(null, null, null, null, null, null);

    public StatisticsReport Report { get; private set; } = null!;

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public IReadOnlyList<ServiceRow> PageServices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(
        [FromQuery(Name = "du")] string? from, [FromQuery(Name = "au")] string? to, [FromQuery(Name = "mois")] string? month,
        [FromQuery(Name = "ecole")] string? school, [FromQuery(Name = "type")] string? kind, [FromQuery(Name = "service")] string? service,
        [FromQuery(Name = "page")] string? page, CancellationToken cancellationToken)
    {
        if (await LoadAsync(new StatisticsQuery(from, to, month, school, kind, service), cancellationToken) is { } refused)
        {
            return refused;
        }

        var services = Report.Scope.Services;
        PageCount = Math.Max(1, (services.Count + ServicesPerPage - 1) / ServicesPerPage);
        PageNumber = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) ? Math.Clamp(asked, 1, PageCount) : 1;
        PageServices = services.Skip((PageNumber - 1) * ServicesPerPage).Take(ServicesPerPage).ToList();
        return Page();
    }

    /// <summary>One table as CSV: <c>tableau</c> = mois, services, jours, inscriptions or montants.</summary>
    public async Task<IActionResult> OnGetCsvAsync(
        [FromQuery(Name = "tableau")] string? table,
        [FromQuery(Name = "du")] string? from, [FromQuery(Name = "au")] string? to, [FromQuery(Name = "mois")] string? month,
        [FromQuery(Name = "ecole")] string? school, [FromQuery(Name = "type")] string? kind, [FromQuery(Name = "service")] string? service,
        CancellationToken cancellationToken)
    {
        if (table is not ("mois" or "services" or "jours" or "inscriptions" or "montants"))
        {
            return NotFound();
        }

        var access = await reports.AccessAsync(User, cancellationToken);
        if (access.Schools.Count == 0 || (table == "montants" && !access.SeesEstimate))
        {
            return NotFound();
        }

        var (filter, scope, problems) = await reports.ResolveAsync(access, new StatisticsQuery(from, to, month, school, kind, service), cancellationToken);
        if (problems.Count > 0)
        {
            return BadRequest(string.Join(" ", problems.Select(p => p.Translate(localizer))));
        }

        var translate = (string key) => localizer[key].Value;
        var (csv, name) = table switch
        {
            "mois" => (StatisticsTables.MonthsCsv(await ReportAsync(access, filter, scope, false, cancellationToken), translate), $"presence-par-mois-{filter.From}-{filter.To}.csv"),
            "services" => (StatisticsTables.ServiceMonthsCsv(scope, await reports.ByServiceAndMonthAsync(scope, filter, cancellationToken), translate), $"presence-par-service-{filter.From}-{filter.To}.csv"),
            "jours" => (StatisticsTables.DaysCsv(await ReportAsync(access, filter, scope, false, cancellationToken), translate), $"presence-par-jour-{filter.DayMonth}.csv"),
            "inscriptions" => (StatisticsTables.RegistrationsCsv(await ReportAsync(access, filter, scope, false, cancellationToken), translate), $"inscriptions-{filter.From}-{filter.To}.csv"),
            _ => (StatisticsTables.EstimateCsv(await ReportAsync(access, filter, scope, true, cancellationToken), translate), $"montant-estime-{filter.DayMonth}.csv"),
        };
        return File(csv, "text/csv; charset=utf-8", name);
    }

    private Task<StatisticsReport> ReportAsync(StatisticsAccess access, StatisticsFilter filter, StatisticsScope scope, bool withEstimate, CancellationToken cancellationToken) =>
        reports.BuildAsync(access, filter, scope, withEstimate, cancellationToken);

    private async Task<IActionResult?> LoadAsync(StatisticsQuery query, CancellationToken cancellationToken)
    {
        Access = await reports.AccessAsync(User, cancellationToken);
        if (Access.Schools.Count == 0)
        {
            return NotFound();
        }

        Query = query;
        var (filter, scope, problems) = await reports.ResolveAsync(Access, query, cancellationToken);
        problems.AddTo(ModelState, localizer, prefix: string.Empty);
        Report = await reports.BuildAsync(Access, filter, scope, withEstimate: true, cancellationToken);
        return null;
    }

    public SchoolInfo SchoolOf(ServiceRow service) => Report.Scope.SchoolById[service.SchoolId];

    /// <summary>The URL of the page or of a CSV with the current filters.</summary>
    public string LinkTo(string? handler = null, string? table = null, int? page = null, string? month = null)
    {
        var f = Report.Filter;
        var parts = new List<string>();
        if (handler is not null)
        {
            parts.Add("handler=" + handler);
            parts.Add("tableau=" + table);
        }

        parts.Add("du=" + f.From);
        parts.Add("au=" + f.To);
        parts.Add("mois=" + (month ?? f.DayMonth.ToString()));
        if (f.SchoolId is { } school)
        {
            parts.Add("ecole=" + school);
        }

        if (f.Kind is { } kind)
        {
            parts.Add("type=" + kind);
        }

        if (f.ServiceId is { } service)
        {
            parts.Add("service=" + service);
        }

        if (page is > 1)
        {
            parts.Add("page=" + page.Value.ToString(CultureInfo.InvariantCulture));
        }

        return "/gestion/statistiques?" + string.Join("&", parts);
    }

    public static string Percent(decimal? rate) => rate is { } r ? r.ToString("0.0", CultureInfo.CurrentCulture) + " %" : "—";

    public static string KindLabel(ServiceKind kind) => ServiceLabels.Of(kind);
}
