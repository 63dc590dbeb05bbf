using System.Globalization;
using Preau.Benchmarks;
using Preau.Tests.Infrastructure;

// The benchmark program (DESIGN.md, Performance budgets): a département-size territory generated on a
// real, durable PostgreSQL, the web host as a separate process, load from wrk on loopback. It measures,
// it does not pass or fail: the numbers and the budgets go into docs/performance.md.
//   scripts/bench.sh [--schools 1000 --pupils 100000 --guardians 150000 --duration 20 --connections 50]
//                    [--import-schools 1000 --import-pupils 100000 --import-guardians 150000] [--crowd 200]
var options = BenchOptions.Parse(args);
var root = FindRepositoryRoot();
var webDll = Path.Combine(root, "src/Web/bin/Release/net10.0/Preau.Web.dll");
if (!File.Exists(webDll))
{
    Console.Error.WriteLine($"{webDll} is missing: build first (scripts/bench.sh does: dotnet build -c Release).");
    return 1;
}

var folder = Directory.CreateTempSubdirectory("preau-bench-").FullName;
var report = new Report(options);
Console.WriteLine($"Starting PostgreSQL (durable) and generating a territory of {options.Schools} schools, {options.Pupils} pupils, {options.Guardians} guardians…");
var postgres = await PostgresServer.StartAsync(durable: true);
try
{
    var database = await postgres.CreateDatabaseAsync();
    var preau = new PreauBinary(webDll, database);
    Check(await preau.RunAsync("migrate"), "migrate");
    var generated = Check(await preau.RunAsync("generate-territory", "--slug", "bench", "--schools", Invariant(options.Schools), "--pupils", Invariant(options.Pupils),
        "--guardians", Invariant(options.Guardians), "--password", BenchOptions.Password, "--crowd", Invariant(options.Crowd)), "generate-territory");
    report.Add("Generating the territory (roster generated, imported, then every module's year of data)", generated);
    var (accounts, crowds) = GeneratedLogins(generated.Output);

    // The roster import alone, at its own size, into an empty database: the issue's "100,000 pupils and
    // 150,000 guardians under 60 s, under 400 MB".
    var roster = Path.Combine(folder, "roster");
    Check(await preau.RunAsync("generate-territory", "--slug", "import-bench", "--roster-only", "--roster-out", roster, "--schools", Invariant(options.ImportSchools),
        "--pupils", Invariant(options.ImportPupils), "--guardians", Invariant(options.ImportGuardians)), "generate-territory --roster-only");
    var importDatabase = await postgres.CreateDatabaseAsync();
    var importer = new PreauBinary(webDll, importDatabase);
    Check(await importer.RunAsync("migrate"), "migrate");
    var rosterFile = Directory.GetFiles(roster).Single();
    // As docs/imports.md advises for a département's roster: workstation GC and a 200 MB heap limit.
    var importSettings = new Dictionary<string, string> { ["DOTNET_gcServer"] = "0", ["DOTNET_GCHeapHardLimit"] = "0xC800000" };
    // A failed import is reported, not thrown: the pages are still measured.
    report.AddImport(await importer.RunAsync(importSettings, "import", "--territory", "import-bench", "--create-territory", "Département du banc d’essai", rosterFile), options);

    // Every request comes from 127.0.0.1: the per-address limit on sign-in attempts would measure itself. wrk sends
    // the cookie of the sign-in for ever, where a browser keeps the one renewed at each session validation
    // (every minute): validated at every request once a minute old, a crowd signed in before the warm-up would
    // measure that.
    var webSettings = new Dictionary<string, string>
    {
        ["Identity__SignInAttemptsPerMinute"] = "1000000",
        ["Identity__SessionValidationInterval"] = "00:15:00",
    };
    await using (var web = await preau.StartWebAsync(webSettings))
    {
        await report.MeasureSignInAsync(web, accounts["teacher"], folder);
        await report.MeasurePagesAsync(web, Scenarios.Pages, accounts, crowds, folder);
        report.Memory(web.RssBytes);
        foreach (var special in Scenarios.Special)
        {
            await special(new SpecialRun(web, accounts, database, preau, report));
        }
    }

    // The homes as a first visit of the day costs them: kept snapshots off (decision 0020).
    await using (var web = await preau.StartWebAsync(new Dictionary<string, string>(webSettings) { ["Home__Snapshots"] = "false" }))
    {
        await report.MeasurePagesAsync(web, Scenarios.HomesBuiltAtEachVisit, accounts, crowds, folder);
    }
}
finally
{
    postgres.Stop();
    Directory.Delete(folder, recursive: true);
}

await report.WriteAsync(Path.Combine(root, "docs/performance.md"));
return 0;

// generate-territory prints "  <login>   <profile>" for the accounts it gives the password to: one of each
// profile, then the crowd ("(foule)") of guardians of two and teachers whose homes are loaded in turn.
static (Dictionary<string, string> Logins, Dictionary<string, List<string>> Crowds) GeneratedLogins(string output)
{
    var keys = new Dictionary<string, string> { ["Parent de deux enfants"] = "guardianOfTwo", ["Enseignant d’école"] = "teacher", ["Directeur d’école (enseigne aussi)"] = "head" };
    var crowdKeys = new Dictionary<string, string> { ["Parent de deux enfants (foule)"] = "guardianOfTwo", ["Enseignant d’école (foule)"] = "teacher" };
    var logins = new Dictionary<string, string>();
    var crowds = crowdKeys.Values.ToDictionary(k => k, _ => new List<string>());
    foreach (var line in output.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal)))
    {
        var parts = line.Trim().Split(' ', 2, StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && keys.TryGetValue(parts[1], out var key))
        {
            logins[key] = parts[0];
        }
        else if (parts.Length == 2 && crowdKeys.TryGetValue(parts[1], out var crowd))
        {
            crowds[crowd].Add(parts[0]);
        }
    }

    return logins.Count == keys.Count && crowds.Values.All(c => c.Count > 0)
        ? (logins, crowds)
        : throw new InvalidOperationException("generate-territory did not print the expected logins:\n" + output);
}

static CommandResult Check(CommandResult result, string what) =>
    result.ExitCode == 0 ? result : throw new InvalidOperationException($"{what} failed:\n{result.Output}");

static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

static string FindRepositoryRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Preau.slnx")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? throw new InvalidOperationException("Run the benchmark from the repository.");
}

/// <summary>Sizes and load of a run.</summary>
internal sealed record BenchOptions(int Schools, int Pupils, int Guardians, int Connections, TimeSpan Duration, TimeSpan WarmUp, int ImportSchools, int ImportPupils, int ImportGuardians, int Crowd)
{
    /// <summary>The password generate-territory gives the accounts the benchmark signs in with.</summary>
    public const string Password = "mot de passe du banc d’essai";

    public static BenchOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var index = Array.IndexOf(args, "--" + name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }

        return new BenchOptions(Get("schools", 1000), Get("pupils", 100_000), Get("guardians", 150_000), Get("connections", 50), TimeSpan.FromSeconds(Get("duration", 20)),
            TimeSpan.FromSeconds(Get("warmup", 30)), Get("import-schools", 1000), Get("import-pupils", 100_000), Get("import-guardians", 150_000), Get("crowd", 200));
    }
}
