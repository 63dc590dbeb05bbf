using Preau.Platform.Data;
using Preau.Platform.Demo;

namespace Preau.Web;

/// <summary>
/// The `preau` command line: the same binary with a verb (DESIGN.md, Operations).
/// `dotnet run --project src/Web -- migrate`, or `Preau.Web migrate` once published.
/// </summary>
internal static class Cli
{
    private static readonly string[] Verbs = ["migrate", "seed-demo", "help"];

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
            default:
                Console.WriteLine("""
                    Usage : preau <verbe>
                      migrate      applique les migrations de tous les modules (déploiements à plusieurs serveurs)
                      seed-demo    crée le territoire de démonstration s’il n’existe pas
                    Sans verbe, Préau démarre le site web.
                    """);
                return 0;
        }
    }
}
