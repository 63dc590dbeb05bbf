using System.Diagnostics;
using System.Globalization;
using Preau.Identity.Contracts;
using Preau.Platform.Data;
using Preau.Platform.Demo;
using Preau.Platform.Tenancy;

namespace Preau.Web;

/// <summary>
/// The `preau` command line: the same binary with a verb (DESIGN.md, Operations).
/// `dotnet run --project src/Web -- migrate`, or `Preau.Web migrate` once published.
/// </summary>
internal static class Cli
{
    private static readonly string[] Verbs = ["migrate", "seed-demo", "import", "generate-territory", "invoice", "help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        switch (args[0])
        {
            case "migrate":
                await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
                Console.WriteLine("Base de données à jour.");
                return 0;
            case "seed-demo":
                await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
                var (logins, password) = await app.Services.GetRequiredService<DemoSeeding>().RunAsync(CancellationToken.None);
                Console.WriteLine($"Territoire de démonstration prêt ({logins.Count} comptes de démonstration, mot de passe : {password}).");
                return 0;
            case "import":
                return await ImportAsync(app, Options.Parse(args[1..]));
            case "generate-territory":
                return await GenerateTerritoryAsync(app, Options.Parse(args[1..]));
            case "invoice":
                return await InvoiceAsync(app, Options.Parse(args[1..]));
            default:
                Console.WriteLine("""
                    Usage : preau <verbe>
                      migrate      applique les migrations de tous les modules (déploiements à plusieurs serveurs)
                      seed-demo    crée le territoire de démonstration s’il n’existe pas
                      import --territory <slug> [--create-territory <nom>] [--school <UAI>] [--dry-run] <fichier>
                                   importe une base élèves (zip OneRoster 1.2 ou CSV au format Préau, docs/imports.md) :
                                   affiche le rapport, puis l’applique (sauf avec --dry-run)
                      generate-territory --slug <slug> [--schools 1000] [--pupils 100000] [--guardians 150000]
                                   [--seed 2026] [--roster-out <dossier>] [--password <mot de passe>] [--crowd 0] [--roster-only]
                                   crée un territoire synthétique de la taille d’un département (tests de charge) ;
                                   avec --roster-only, écrit seulement son fichier OneRoster (sans rien importer)
                      invoice --territory <slug> --month <AAAA-MM> [--issue]
                                   calcule les factures du mois en brouillon (comme la page de l’agent) ; avec --issue, les émet
                    Sans verbe, Préau démarre le site web.
                    """);
                return 0;
        }
    }

    private static async Task<int> ImportAsync(WebApplication app, Options options)
    {
        if (options.Get("territory") is not { } territory || options.Positional.Count != 1)
        {
            Console.WriteLine("Usage : preau import --territory <slug> [--create-territory <nom>] [--school <UAI>] [--dry-run] <fichier>");
            return 2;
        }

        await MigrateIfConfiguredAsync(app);
        int exitCode;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            exitCode = await scope.ServiceProvider.GetRequiredService<IRosterCommandLine>()
                .ImportAsync(territory, options.Get("create-territory"), options.Get("school"), options.Has("dry-run"), options.Positional[0], Console.Out, CancellationToken.None);
        }

        if (exitCode == 0 && !options.Has("dry-run"))
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().RefreshStatisticsAsync();
        }

        return exitCode;
    }

    private static async Task<int> InvoiceAsync(WebApplication app, Options options)
    {
        if (options.Get("territory") is not { } territory || options.Get("month") is not { } month)
        {
            Console.WriteLine("Usage : preau invoice --territory <slug> --month <AAAA-MM> [--issue]");
            return 2;
        }

        await MigrateIfConfiguredAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Preau.FamilyServices.Contracts.IInvoicingCommandLine>()
            .InvoiceAsync(territory, month, options.Has("issue"), Console.Out, CancellationToken.None);
    }

    private static async Task<int> GenerateTerritoryAsync(WebApplication app, Options options)
    {
        if (options.Get("slug") is not { Length: > 0 } slug)
        {
            Console.WriteLine("Usage : preau generate-territory --slug <slug> [--schools 1000] [--pupils 100000] [--guardians 150000] [--seed 2026] [--roster-out <dossier>] [--password <mot de passe>] [--crowd 0] [--roster-only]");
            return 2;
        }

        var scale = new SyntheticScale(options.Int("schools", 1000), options.Int("pupils", 100_000), options.Int("guardians", 150_000), options.Int("seed", 2026));
        if (options.Has("roster-only"))
        {
            await using var rosterScope = app.Services.CreateAsyncScope();
            var file = await rosterScope.ServiceProvider.GetRequiredService<IRosterCommandLine>()
                .WriteSyntheticRosterAsync(slug, scale, options.Get("roster-out") ?? ".", CancellationToken.None);
            Console.WriteLine($"OneRoster écrit : {file}");
            return 0;
        }

        var password = options.Get("password") ?? "preau-territoire-synthetique";
        await MigrateIfConfiguredAsync(app);
        var total = Stopwatch.StartNew();
        SyntheticTerritory territory;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            try
            {
                territory = await scope.ServiceProvider.GetRequiredService<IRosterCommandLine>()
                    .GenerateTerritoryAsync(new SyntheticTerritoryRequest(slug, scale, options.Get("roster-out"), password, options.Int("crowd", 0)), Console.Out, CancellationToken.None);
            }
            catch (InvalidOperationException refused)
            {
                // The slug is taken or the generated roster was refused: said in French, without a stack trace.
                Console.WriteLine(refused.Message);
                return 2;
            }
        }

        // Then each module's year of activity, in order, in the new territory (DESIGN.md: synthetic data for benchmarks).
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(territory.TerritoryId);
            var migrator = app.Services.GetRequiredService<DatabaseMigrator>();
            foreach (var data in scope.ServiceProvider.GetServices<ISyntheticData>().OrderBy(d => d.Order))
            {
                // Each module's generator queries what the previous ones wrote: with fresh statistics.
                await migrator.RefreshStatisticsAsync();
                var watch = Stopwatch.StartNew();
                await data.GenerateAsync(scale, CancellationToken.None);
                Console.WriteLine($"{data.GetType().Name} : {watch.Elapsed.TotalSeconds:F1} s");
            }

            var settling = Stopwatch.StartNew();
            await migrator.RefreshStatisticsAsync(vacuum: true);
            Console.WriteLine($"Statistics and visibility map : {settling.Elapsed.TotalSeconds:F1} s");
        }

        Console.WriteLine($"Territoire « {slug} » prêt en {total.Elapsed.TotalSeconds:F1} s. Mot de passe des comptes ci-dessous : {password}");
        foreach (var login in territory.Logins)
        {
            Console.WriteLine($"  {login.Login,-30} {login.Profile}");
        }

        return 0;
    }

    private static async Task MigrateIfConfiguredAsync(WebApplication app)
    {
        if (app.Configuration.GetValue("Database:MigrateAtStartup", true))
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }
    }

    /// <summary>"--name value" options, "--flag" switches and positional arguments.</summary>
    private sealed class Options
    {
        private readonly Dictionary<string, string?> _named = new(StringComparer.Ordinal);

        public List<string> Positional { get; } = [];

        public static Options Parse(string[] args)
        {
            var options = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                if (args[i].StartsWith("--", StringComparison.Ordinal))
                {
                    var name = args[i][2..];
                    var value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) && name is not ("dry-run" or "roster-only") ? args[++i] : null;
                    options._named[name] = value;
                }
                else
                {
                    options.Positional.Add(args[i]);
                }
            }

            return options;
        }

        public string? Get(string name) => _named.GetValueOrDefault(name);

        public bool Has(string name) => _named.ContainsKey(name);

        public int Int(string name, int fallback) =>
            Get(name) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }
}
