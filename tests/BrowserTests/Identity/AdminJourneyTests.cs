using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;
using Preau.Identity.Accounts;
using Preau.Identity.Data;
using Preau.Identity.Schools;
using Preau.Platform.Authorization;

namespace Preau.BrowserTests.Identity;

/// <summary>The administration's journeys in the demo territory, with axe-core on every page they cross.</summary>
public sealed partial class AdminJourneyTests(BrowserFixture browser)
{
    private const string FamilyPassword = "la famille lit la lettre";

    [Fact(Timeout = Journey.Timeout)]
    public async Task Administrator_CreatesSchoolClassTeacherAndFamily_PrintsTheLetter_GuardianActivatesAndSeesTheChild()
    {
        var page = await SignInAsNewAdministratorAsync();
        await page.GotoAsync("/administration");
        await BrowserFixture.AssertAccessibleAsync(page);

        // A school.
        await page.GotoAsync("/administration/etablissements/nouveau");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Locator("#Input_Uai").FillAsync(Uai.WithCheckLetter("0958" + Random.Shared.Next(100, 999)));
        await page.Locator("#Input_Name").FillAsync("École des Navigateurs");
        await page.Locator("#Input_Kind").SelectOptionAsync("Elementaire");
        await page.Locator("#Input_City").FillAsync("Valmont");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("École des Navigateurs");
        await BrowserFixture.AssertAccessibleAsync(page);
        var schoolUrl = new Uri(page.Url).AbsolutePath;

        // A class.
        await page.GetByRole(AriaRole.Link, new() { Name = "Ajouter une classe ou un groupe" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Locator("#Input_Name").FillAsync("CE2 Bleu");
        await page.Locator("#Input_Level").SelectOptionAsync("CE2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("CE2 Bleu");
        await BrowserFixture.AssertAccessibleAsync(page);
        var classId = new Uri(page.Url).AbsolutePath.Split('/').Last();

        // A teacher of the school, then of the class.
        await page.GotoAsync($"/administration/comptes/nouveau?profil=Teacher&etablissement={schoolUrl.Split('/').Last()}");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Locator("#Input_FirstName").FillAsync("Mathilde");
        await page.Locator("#Input_LastName").FillAsync("Navigatrice");
        await page.Locator("#Input_Profile").SelectOptionAsync("Teacher");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le compte" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        var teacherLogin = await LoginOnPersonPageAsync(page);
        await page.GotoAsync($"/administration/classes/{classId}");
        await page.Locator("#Teacher_Login").FillAsync(teacherLogin);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("L’enseignant est ajouté.");

        // A pupil in the class and a guardian.
        await page.GetByRole(AriaRole.Link, new() { Name = "Créer le compte d’un nouvel élève de cette classe" }).ClickAsync();
        await page.Locator("#Input_FirstName").FillAsync("Noé");
        await page.Locator("#Input_LastName").FillAsync("Navigateur");
        await page.Locator("#Input_BirthDate").FillAsync("2018-05-14");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le compte" }).ClickAsync();
        var pupilLogin = await LoginOnPersonPageAsync(page);
        await page.GotoAsync("/administration/comptes/nouveau");
        await page.Locator("#Input_FirstName").FillAsync("Sarah");
        await page.Locator("#Input_LastName").FillAsync("Navigateur");
        await page.Locator("#Input_Profile").SelectOptionAsync("Guardian");
        await page.Locator("#Input_ChildLogin").FillAsync(pupilLogin);
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le compte" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Noé Navigateur");
        await BrowserFixture.AssertAccessibleAsync(page);
        var guardianLogin = await LoginOnPersonPageAsync(page);

        // The school page shows the class with its teacher and pupil.
        await page.GotoAsync(schoolUrl);
        await Assertions.Expect(page.Locator("tbody tr", new() { HasText = "CE2 Bleu" })).ToContainTextAsync("Mathilde Navigatrice");

        // The family's letter, printed from the class.
        await page.GotoAsync($"/administration/lettres?classe={classId}");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Locator("form", new() { Has = page.Locator("select#classe") }).GetByRole(AriaRole.Button).ClickAsync();
        var letter = page.Locator(".letter");
        await Assertions.Expect(letter).ToHaveCountAsync(1);
        await Assertions.Expect(letter).ToContainTextAsync("Noé Navigateur (CE2 Bleu)");
        await Assertions.Expect(letter).ToContainTextAsync(guardianLogin);
        await BrowserFixture.AssertAccessibleAsync(page);
        var code = (await page.Locator(".letter__code").TextContentAsync())!.Trim();
        Assert.Matches(CodePattern(), code);

        // The guardian activates with the letter and sees the child.
        var family = await browser.NewPageAsync();
        await family.GotoAsync("/activation");
        await family.GetByLabel("Identifiant").FillAsync(guardianLogin);
        await family.GetByLabel("Code d’activation").FillAsync(code);
        await family.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await family.GetByLabel("Nouveau mot de passe").FillAsync(FamilyPassword);
        await family.GetByLabel("Confirmez le mot de passe").FillAsync(FamilyPassword);
        await family.GetByLabel("J’ai lu et j’accepte les conditions d’utilisation").CheckAsync();
        await family.GetByRole(AriaRole.Button, new() { Name = "Activer mon compte" }).ClickAsync();
        await Assertions.Expect(family.Locator(".children-list")).ToContainTextAsync("Noé Navigateur");
    }

    [Fact(Timeout = Journey.Timeout)]
    public async Task Administrator_TerritoryPages_PassAxeInFrenchAndEnglishAndFitA360PixelScreen()
    {
        var page = await SignInAsNewAdministratorAsync();
        var guardianId = await InDemoAsync(db => db.Accounts.Where(a => a.UserName == "parent.martin").Select(a => a.Id).SingleAsync());
        await page.SetViewportSizeAsync(360, 780);
        foreach (var path in new[] { "/", "/administration/territoire", "/administration/calendrier", "/administration/etablissements", "/administration/comptes", "/administration/comptes?profil=Guardian&non-actives=true", $"/administration/comptes/{guardianId}", $"/administration/comptes/{guardianId}/modifier", "/administration/journal", "/administration/lettres" })
        {
            await page.GotoAsync(path);
            await BrowserFixture.AssertAccessibleAsync(page);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} is {overflow} px wider than a 360 px screen.");
        }

        await page.GotoAsync("/administration/etablissements");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Schools");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GotoAsync("/administration/territoire");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Territory settings");
        await page.Locator("#Input_PrimaryColor").FillAsync("#ffd700");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("does not have enough contrast");
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact(Timeout = Journey.Timeout)]
    public async Task Head_ManagesTheirOwnSchool_AndCannotReachAnother()
    {
        var page = await browser.SignInAsync("directeur.jaures", DemoApp.DemoPassword);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("des familles ont activé leur compte");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync("/administration/etablissements");
        var rows = page.Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToContainTextAsync("École élémentaire Jean-Jaurès");
        await rows.GetByRole(AriaRole.Link).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "CM2", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#pupils-title")).ToContainTextAsync("Élèves");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Modifier" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GotoAsync("/administration/comptes/nouveau");
        await BrowserFixture.AssertAccessibleAsync(page);
        await Assertions.Expect(page.Locator("#Input_Profile option[value=TerritoryAdmin]")).ToHaveCountAsync(0);

        var (college, collegeClass) = await InDemoAsync(async db => (
            await db.Schools.Where(s => s.Name == "Collège Victor-Hugo").Select(s => s.Id).SingleAsync(),
            await db.ClassGroups.Where(c => c.Name == "6e A").Select(c => c.Id).SingleAsync()));
        foreach (var path in new[] { $"/administration/etablissements/{college}", $"/administration/classes/{collegeClass}", $"/administration/lettres?etablissement={college}" })
        {
            var response = await page.GotoAsync(path);
            if (path.Contains("lettres", StringComparison.Ordinal))
            {
                await Assertions.Expect(page.Locator("select#etablissement option")).ToHaveCountAsync(1);
                continue;
            }

            Assert.Equal(404, response!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page introuvable");
        }

        Assert.Equal(403, (await page.GotoAsync("/administration/journal"))!.Status);
    }

    private static async Task<string> LoginOnPersonPageAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("#identity-title")).ToBeVisibleAsync();
        return (await page.Locator(".summary-list dd").First.TextContentAsync())!.Trim();
    }

    /// <summary>A territory administrator of the demo territory with a known authenticator key, signed in through the pages.</summary>
    private async Task<IPage> SignInAsNewAdministratorAsync()
    {
        var login = "admin.test" + Guid.NewGuid().ToString("N")[..6];
        var key = await InDemoScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<Account>>();
            var territoryId = await sp.GetRequiredService<IdentityDbContext>().Territories.Select(t => t.Id).SingleAsync();
            var account = new Account { TerritoryId = territoryId, UserName = login, FirstName = "Alix", LastName = "Administratrice", Profiles = Profile.TerritoryAdmin, CreatedAt = browser.App.Clock.GetUtcNow().UtcDateTime, LockoutEnabled = true };
            await users.CreateAsync(account, DemoApp.DemoPassword);
            await users.ResetAuthenticatorKeyAsync(account);
            await users.SetTwoFactorEnabledAsync(account, true);
            return (await users.GetAuthenticatorKeyAsync(account))!;
        });
        var page = await browser.SignInAsync(login, DemoApp.DemoPassword);
        // ASP.NET Core Identity 10 checks TOTP codes against the system clock.
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime));
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bonjour Alix");
        return page;
    }

    private Task<T> InDemoAsync<T>(Func<IdentityDbContext, Task<T>> work) => InDemoScopeAsync(sp => work(sp.GetRequiredService<IdentityDbContext>()));

    private Task<T> InDemoScopeAsync<T>(Func<IServiceProvider, Task<T>> work) => browser.App.InDemoTerritoryAsync(work);

    [GeneratedRegex("^[A-Z2-9]{5}-[A-Z2-9]{5}$")]
    private static partial Regex CodePattern();
}
