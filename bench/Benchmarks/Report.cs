using System.Globalization;
using System.Text;

namespace Preau.Benchmarks;

/// <summary>Collects the measurements and writes them between markers of docs/performance.md.</summary>
internal sealed class Report(BenchOptions options)
{
    private const string Start = "<!-- benchmark:start (written by bench/Benchmarks; do not edit by hand) -->";
    private const string End = "<!-- benchmark:end -->";
    private readonly StringBuilder _commands = new();
    private readonly StringBuilder _pages = new();
    private readonly StringBuilder _other = new();
    private double? _baseline;

    public void Add(string what, CommandResult result) =>
        _commands.AppendLine(CultureInfo.InvariantCulture, $"| {what} | {result.Elapsed.TotalSeconds:F1} s | {Mb(result.PeakRssBytes)} | |");

    public void AddImport(CommandResult result, BenchOptions sizes)
    {
        var verdict = result.ExitCode != 0 ? $"**failed** (exit {result.ExitCode}: {result.Output.Trim().Split('\n')[^1].Trim()})"
            : result.Elapsed < TimeSpan.FromSeconds(60) && result.PeakRssBytes < 400L * 1048576 ? "met" : "**missed**";
        Console.WriteLine($"  roster import: {verdict}");
        _commands.AppendLine(CultureInfo.InvariantCulture,
            $"| Roster import alone (OneRoster, {sizes.ImportSchools:N0} schools, {sizes.ImportPupils:N0} pupils, {sizes.ImportGuardians:N0} guardians) into an empty database, workstation GC with a 200 MB heap limit | {result.Elapsed.TotalSeconds:F1} s | {Mb(result.PeakRssBytes)} | < 60 s and < 400 MB: {verdict} |");
    }

    public async Task MeasureSignInAsync(WebProcess web, string login, string folder)
    {
        var (script, cookie) = await Sessions.SignInScriptAsync(web.BaseUrl, login, BenchOptions.Password, folder);
        var result = await Load.RunAsync(web.BaseUrl + "/connexion", cookie, 8, options.Duration, script);
        Console.WriteLine($"  sign-in: {result.RequestsPerSecond:F0}/s");
        _other.AppendLine(CultureInfo.InvariantCulture,
            $"| Sign-in (password check included), 8 connections | {result.RequestsPerSecond:F0} sign-ins/s | p50 {result.P50Ms:F0} ms, p99 {result.P99Ms:F0} ms | {result.Errors} errors |");
    }

    public async Task MeasurePagesAsync(WebProcess web, IEnumerable<PageScenario> scenarios, IReadOnlyDictionary<string, string> accounts, IReadOnlyDictionary<string, List<string>>? crowds = null, string? folder = null)
    {
        foreach (var scenario in scenarios)
        {
            var cookie = scenario.Account is null ? null : await Sessions.SignInAsync(web.BaseUrl, accounts[scenario.Account], BenchOptions.Password);
            await VerifyAsync(web.BaseUrl + scenario.Path, cookie, scenario.Expected);
            string? script = null;
            if (scenario.Crowd)
            {
                var crowd = await Sessions.SignInAllAsync(web.BaseUrl, crowds![scenario.Account!], BenchOptions.Password);
                await VerifyAsync(web.BaseUrl + scenario.Path, crowd[^1], scenario.Expected);
                (script, cookie) = (await Load.CookiesInTurnScriptAsync([cookie!, .. crowd], folder!), null);
                Console.WriteLine($"  {crowd.Count + 1} accounts signed in for {scenario.Name}");
            }

            // Under this load on two cores, a page's own code needs some 30 s to reach the JIT's optimised tier;
            // a server at the busy hour has been serving since the morning (decision 0016).
            await Load.RunAsync(web.BaseUrl + scenario.Path, cookie, options.Connections, options.WarmUp, script);
            var result = await Load.RunAsync(web.BaseUrl + scenario.Path, cookie, options.Connections, options.Duration, script);
            Console.WriteLine($"  {scenario.Name}: {result.RequestsPerSecond:F0}/s, p99 {result.P99Ms:F1} ms, {result.Errors} errors");
            _baseline ??= result.RequestsPerSecond;
            var ratio = result.RequestsPerSecond / _baseline.Value;
            var verdict = scenario.Budget switch
            {
                null => "baseline",
                Scenarios.ForComparison => "—",
                Scenarios.HomeBudget => ratio >= 0.4 && result.P99Ms < 100 && result.Errors == 0 ? "met" : "**missed**",
                _ => result.P99Ms < 100 && result.Errors == 0 ? "met" : "**missed**",
            };
            _pages.AppendLine(CultureInfo.InvariantCulture,
                $"| {scenario.Name} | {result.RequestsPerSecond:F0} | {ratio:P0} | {result.P50Ms:F1} | {result.P90Ms:F1} | {result.P99Ms:F1} | {result.Errors} | {scenario.Budget ?? "—"}: {verdict} |");
        }
    }

    public void Memory(long rssBytes) =>
        _other.AppendLine(CultureInfo.InvariantCulture, $"| Web process resident memory after the page loads | {Mb(rssBytes)} | budget < 400 MB | {(rssBytes < 400L * 1048576 ? "met" : "**missed**")} |");

    /// <summary>A line of the "other measurements" table, for special scenarios.</summary>
    public void AddOther(string what, string value, string detail, string verdict) =>
        _other.AppendLine(CultureInfo.InvariantCulture, $"| {what} | {value} | {detail} | {verdict} |");

    public async Task WriteAsync(string path)
    {
        var section = new StringBuilder();
        section.AppendLine(Start);
        section.AppendLine(CultureInfo.InvariantCulture, $"Run of {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores ({Cpu()}), {Mb(MemoryTotal())} of memory; PostgreSQL on the same machine with default durability (fsync on), reached through its Unix socket (decision 0014); web host in Release, server GC; wrk on the same machine (it takes part of the CPU).");
        section.AppendLine(CultureInfo.InvariantCulture, $"Territory: {options.Schools:N0} schools, {options.Pupils:N0} pupils, {options.Guardians:N0} guardians; load: {options.Connections} connections for {options.Duration.TotalSeconds:F0} s per page after a {options.WarmUp.TotalSeconds:F0} s warm-up at the same load (the JIT's tiered compilation reaches its steady state).");
        section.AppendLine();
        section.AppendLine("| command | time | peak memory | budget |");
        section.AppendLine("| --- | --- | --- | --- |");
        section.Append(_commands);
        section.AppendLine();
        section.AppendLine("| page | requests/s | of baseline | p50 ms | p90 ms | p99 ms | errors | budget |");
        section.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        section.Append(_pages);
        section.AppendLine();
        section.AppendLine("| measurement | value | detail | budget |");
        section.AppendLine("| --- | --- | --- | --- |");
        section.Append(_other);
        section.AppendLine(End);

        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path) : "# Performance\n\n";
        var start = existing.IndexOf(Start, StringComparison.Ordinal);
        var end = existing.IndexOf(End, StringComparison.Ordinal);
        var updated = start >= 0 && end > start
            ? existing[..start] + section + existing[(end + End.Length)..].TrimStart('\n')
            : existing.TrimEnd() + "\n\n## Latest benchmark run\n\n" + section;
        await File.WriteAllTextAsync(path, updated);
        Console.WriteLine($"Results written to {path}.");
    }

    private static async Task VerifyAsync(string url, string? cookie, string expected)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        using var client = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !body.Contains(expected, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode} without « {expected} »: the scenario would measure the wrong page.");
        }
    }

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F0} MB");

    private static string Cpu() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";

    private static long MemoryTotal() =>
        long.Parse(File.ReadLines("/proc/meminfo").First().Split(':', 2)[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
}
