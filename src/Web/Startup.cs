using Preau.Platform.Data;
using Preau.Platform.Demo;

namespace Preau.Web;

/// <summary>What the embedded deployment does before serving: migrate, seed the demo territory, print the logins.</summary>
internal static class Startup
{
    public static async Task PrepareAsync(WebApplication app)
    {
        var configuration = app.Configuration;
        if (configuration.GetValue("Database:MigrateAtStartup", true))
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }

        if (configuration.GetValue("Preau:SeedDemo", false))
        {
            var (logins, password) = await app.Services.GetRequiredService<DemoSeeding>().RunAsync(CancellationToken.None);
            app.Lifetime.ApplicationStarted.Register(() => PrintLogins(app, logins, password));
        }
    }

    private static void PrintLogins(WebApplication app, IReadOnlyList<DemoLogin> logins, string password)
    {
        var address = app.Urls.FirstOrDefault() ?? "http://127.0.0.1:5080";
        Console.WriteLine();
        Console.WriteLine($"Préau est prêt : {address}");
        Console.WriteLine($"Territoire de démonstration « Ville de Valmont ». Mot de passe de tous les comptes ci-dessous : {password}");
        foreach (var login in logins)
        {
            Console.WriteLine($"  {login.Login,-24} {login.Profile}{(login.Note is null ? string.Empty : $" ({login.Note})")}");
        }

        Console.WriteLine("Les autres familles activent leur compte avec le code de leur lettre (/activation).");
        Console.WriteLine();
    }
}
