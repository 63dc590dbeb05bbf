using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Preau.Identity.Accounts;
using Preau.Identity.Data;
using Preau.Identity.Imports;
using Preau.Platform.Authorization;

namespace Preau.BrowserTests.Identity;

/// <summary>The territory administrator imports a roster: upload, dry-run report, application, history (axe-core on every page).</summary>
public sealed class ImportsJourneyTests(BrowserFixture browser)
{
    private const string Password = "un mot de passe d’administration";

    [Fact(Timeout = Journey.Timeout)]
    public async Task Administrator_UploadsARoster_SeesTheReportAppliesAndSeesTheHistory()
    {
        var page = await SignInAsNewAdministratorAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Imports", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Imports de bases élèves");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvel import" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Déposer et analyser" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Choisissez le fichier à importer");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Fichier à importer").SetInputFilesAsync(new FilePayload { Name = "eleves-jaures.csv", MimeType = "text/csv", Buffer = Roster() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Déposer et analyser" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Analyse en cours" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await browser.App.Services.GetRequiredService<ImportRunner>().RunPendingAsync(CancellationToken.None);
        // The page's script sees the analysis end and reloads the page (without it, "Actualiser" does).
        await Assertions.Expect(page.Locator(".import-counts")).ToBeVisibleAsync();
        var pupils = page.Locator(".import-counts tbody tr").Filter(new() { Has = page.Locator("th", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Élèves$") }) });
        await Assertions.Expect(pupils.Locator("td").First).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("section[aria-labelledby=rejections-title] tbody tr")).ToContainTextAsync("Date invalide");
        await BrowserFixture.AssertAccessibleAsync(page);

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Appliquer l’import" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("L’application de l’import a commencé");
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.App.Services.GetRequiredService<ImportRunner>().RunPendingAsync(CancellationToken.None);
        await page.GetByRole(AriaRole.Link, new() { Name = "Actualiser" }).ClickAsync();
        await Assertions.Expect(page.Locator(".toolbar .badge")).ToHaveTextAsync("Appliqué");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ce qui a été modifié" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Retour à l’historique des imports" }).ClickAsync();
        var row = page.Locator("tbody tr", new() { HasText = "eleves-jaures.csv" });
        await Assertions.Expect(row).ToContainTextAsync("Appliqué");
        await Assertions.Expect(row).ToContainTextAsync("Import Navigateur");
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    /// <summary>Two pupils of the demo's élémentaire Jean-Jaurès with their mother, and a line with an impossible date.</summary>
    private static byte[] Roster()
    {
        var suffix = Random.Shared.Next(1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        var csv = string.Join("\r\n",
            "uai;classe;niveau;nom;prenom;date_naissance;ine;resp1_lien;resp1_nom;resp1_prenom;resp1_courriel",
            $"0951235B;CM2 navigateur;CM2;Navigateur;Zoé;04/04/2016;{suffix}1A;Mère;Navigateur;Anne;anne.navigateur@example.org",
            $"0951235B;CE1 navigateur;CE1;Navigateur;Hugo;08/08/2019;{suffix}2B;Mère;Navigateur;Anne;anne.navigateur@example.org",
            $"0951235B;CE1 navigateur;CE1;Erreur;Date;31/02/2019;{suffix}3C;;;;") + "\r\n";
        return new UTF8Encoding(false).GetBytes(csv);
    }

    /// <summary>An administrator of the demo territory of its own (the demo's is enrolled by another journey), signed in with the second factor.</summary>
    private async Task<IPage> SignInAsNewAdministratorAsync()
    {
        var login = "admin.imports." + Guid.NewGuid().ToString("N")[..6];
        Guid territoryId;
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            territoryId = await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Territories.IgnoreQueryFilters().Where(t => t.Slug == "valmont").Select(t => t.Id).SingleAsync();
        }

        var key = await browser.App.InTerritoryAsync(territoryId, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<Account>>();
            var account = new Account
            {
                TerritoryId = territoryId,
                UserName = login,
                FirstName = "Import",
                LastName = "Navigateur",
                Profiles = Profile.TerritoryAdmin,
                CreatedAt = browser.App.Clock.GetUtcNow().UtcDateTime,
                LockoutEnabled = true,
            };
            var created = await users.CreateAsync(account, Password);
            Assert.True(created.Succeeded);
            await users.ResetAuthenticatorKeyAsync(account);
            await users.SetTwoFactorEnabledAsync(account, true);
            return (await users.GetAuthenticatorKeyAsync(account))!;
        });

        var page = await browser.SignInAsync(login, Password);
        // ASP.NET Core Identity 10 checks TOTP codes against the system clock, not the app's TimeProvider.
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime));
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bonjour Import");
        return page;
    }
}
