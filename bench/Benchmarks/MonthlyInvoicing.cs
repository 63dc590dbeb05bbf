using System.Globalization;
using System.Text.RegularExpressions;

namespace Preau.Benchmarks;

/// <summary>
/// Issue #5: "monthly invoicing of a territory with 20,000 children under 60 s on PostgreSQL". Last month of
/// the generated territory is invoiced from the command line as a town's scheduler would (`preau invoice
/// --issue`): drafts computed then issued, with the number of children it billed.
/// </summary>
internal static partial class MonthlyInvoicing
{
    private const int BudgetChildren = 20_000;

    public static async Task MeasureAsync(SpecialRun run)
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var result = await run.Binary.RunAsync("invoice", "--territory", "bench", "--month", month, "--issue");
        var drafts = Drafts().Match(result.Output);
        var issued = Issued().Match(result.Output);
        if (result.ExitCode != 0 || !drafts.Success || !issued.Success)
        {
            throw new InvalidOperationException($"preau invoice failed:\n{result.Output}");
        }

        var children = int.Parse(drafts.Groups["children"].Value, CultureInfo.InvariantCulture);
        var seconds = Seconds(drafts) + Seconds(issued);
        Console.WriteLine($"  invoicing {month}: {children} children in {seconds:F1} s");
        var verdict = children >= BudgetChildren
            ? seconds < 60 ? "met" : "**missed**"
            : string.Create(CultureInfo.InvariantCulture, $"not at size ({children:N0} of {BudgetChildren:N0} children): {seconds / children * BudgetChildren:F0} s at this rate");
        run.Report.AddOther(
            string.Create(CultureInfo.InvariantCulture, $"Monthly invoicing ({month}) of the territory from the command line: {children:N0} children, {drafts.Groups["invoices"].Value} invoices, {drafts.Groups["lines"].Value} lines"),
            string.Create(CultureInfo.InvariantCulture, $"{seconds:F1} s"),
            string.Create(CultureInfo.InvariantCulture, $"drafts {Seconds(drafts):F1} s, issue {Seconds(issued):F1} s; process peak {result.PeakRssBytes / 1048576} MB"),
            $"< 60 s for 20,000 children: {verdict}");
    }

    private static double Seconds(Match match) => double.Parse(match.Groups["seconds"].Value.Replace(',', '.'), CultureInfo.InvariantCulture);

    // The command's French output: "Brouillons de … calculés en 12,3 s : 4 512 factures, 80 000 lignes, 6 000 enfants, …".
    [GeneratedRegex(@"calculés en (?<seconds>[\d,]+) s : (?<invoices>[\d\u202f\u00a0 ]+) factures, (?<lines>[\d\u202f\u00a0 ]+) lignes, (?<children>\d+) enfants")]
    private static partial Regex Drafts();

    [GeneratedRegex(@"émises en (?<seconds>[\d,]+) s")]
    private static partial Regex Issued();
}
