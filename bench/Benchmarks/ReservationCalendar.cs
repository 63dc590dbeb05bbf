using System.Text.RegularExpressions;

namespace Preau.Benchmarks;

/// <summary>
/// Issue #5: "the reservation calendar page at p99 under 100 ms with the generated département-size
/// territory". The guardian of two opens the month of the first child their family page links to.
/// </summary>
internal static partial class ReservationCalendar
{
    public static async Task MeasureAsync(SpecialRun run)
    {
        var cookie = await Sessions.SignInAsync(run.Web.BaseUrl, run.Accounts["guardianOfTwo"], BenchOptions.Password);
        using var client = new HttpClient { BaseAddress = new Uri(run.Web.BaseUrl) };
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        var family = await client.GetStringAsync("/famille");
        var child = ChildCalendar().Match(family) is { Success: true } link
            ? link.Groups[1].Value
            : throw new InvalidOperationException("The guardian's family page links to no reservation calendar: the generated territory gave the family no service.");
        await run.Report.MeasurePagesAsync(run.Web, [new PageScenario("Reservation calendar of a child, current month", $"/reservations/{child}", "guardianOfTwo", "Réservations de", Scenarios.P99Budget)], run.Accounts);
    }

    [GeneratedRegex("href=\"/reservations/([0-9a-f-]{36})\"")]
    private static partial Regex ChildCalendar();
}
