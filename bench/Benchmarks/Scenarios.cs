namespace Preau.Benchmarks;

/// <summary>A page measured under load, signed in as one of the generated territory's accounts.</summary>
/// <param name="Name">What it is, in the report.</param>
/// <param name="Path">Its address.</param>
/// <param name="Account">The key of the account in generate-territory's logins file, or null for anonymous.</param>
/// <param name="Expected">A text the page must contain (so that a redirect to the sign-in page is never measured as a success).</param>
/// <param name="Budget">The budget it is held to, or null for the baseline.</param>
/// <param name="Crowd">Whether the account's crowd (generate-territory --crowd) loads it in turn, one request each, instead of the account alone.</param>
internal sealed record PageScenario(string Name, string Path, string? Account, string Expected, string? Budget, bool Crowd = false);

/// <summary>What the benchmark measures (DESIGN.md, Performance budgets; issues #2 to #5).</summary>
internal static class Scenarios
{
    /// <summary>40 % of the trivial endpoint's throughput, p99 under 100 ms at 50 connections.</summary>
    public const string HomeBudget = "≥ 40 % of the baseline, p99 < 100 ms";

    /// <summary>p99 under 100 ms.</summary>
    public const string P99Budget = "p99 < 100 ms";

    /// <summary>Measured to be compared, held to no budget of its own.</summary>
    public const string ForComparison = "for comparison";

    /// <summary>The first is the baseline the others are compared to.</summary>
    public static readonly PageScenario[] Pages =
    [
        new("Baseline: trivial one-query endpoint (`GET /health/ready`)", "/health/ready", null, "Healthy", null),
        // The homes of many accounts in turn (decision 0020: one account's would measure its kept snapshot alone).
        new("Guardian's home (\"today\"), two children, the crowd's families in turn", "/", "guardianOfTwo", "Bonjour", HomeBudget, Crowd: true),
        new("Teacher's home (the teacher's day), the crowd's teachers in turn", "/", "teacher", "Bonjour", HomeBudget, Crowd: true),
        // generate-territory's guardian of two is the guardian MessagingSyntheticData gives 2,000 conversations.
        new("Guardian's inbox, 2,000 conversations, first page", "/messages", "guardianOfTwo", "Messagerie", P99Budget),
        new("Guardian's inbox, page 40", "/messages?page=40", "guardianOfTwo", "Messagerie", P99Budget),
    ];

    /// <summary>The homes built at every visit (kept snapshots off), as the first visit of the day costs them.</summary>
    public static readonly PageScenario[] HomesBuiltAtEachVisit =
    [
        new("Guardian's home built at each visit (snapshots off: a first visit of the day)", "/", "guardianOfTwo", "Bonjour", ForComparison, Crowd: true),
        new("Teacher's home built at each visit (snapshots off)", "/", "teacher", "Bonjour", ForComparison, Crowd: true),
    ];

    /// <summary>
    /// Measurements that are not a fixed page under load (a message to a whole school, an invoicing run…).
    /// The calendar comes first: after the whole-school message, the outbox is still delivering its three
    /// thousand e-mails and notifications, and the page would be measured against that work.
    /// </summary>
    public static readonly Func<SpecialRun, Task>[] Special = [ReservationCalendar.MeasureAsync, WholeSchoolMessage.MeasureAsync, MonthlyInvoicing.MeasureAsync];
}

/// <summary>What a special measurement works with: the running web host, the generated logins, the database, the report.</summary>
/// <param name="Web">The web host.</param>
/// <param name="Accounts">generate-territory's logins by key.</param>
/// <param name="Database">The connection string of the generated territory's database (to find ids and watch delivery).</param>
/// <param name="Binary">Préau's command line on that database.</param>
/// <param name="Report">Where the numbers go.</param>
internal sealed record SpecialRun(WebProcess Web, IReadOnlyDictionary<string, string> Accounts, string Database, PreauBinary Binary, Report Report);
