using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using Preau.Identity.Activation;
using Preau.Identity.Data;

namespace Preau.BrowserTests.Identity;

/// <summary>The first journeys of every user: arrive, sign in or activate, land on their home.</summary>
public sealed class SignInJourneyTests(BrowserFixture browser)
{
    [Theory(Timeout = Journey.Timeout)]
    [InlineData("/")]
    [InlineData("/connexion")]
    [InlineData("/activation")]
    [InlineData("/mot-de-passe-oublie")]
    [InlineData("/conditions-utilisation")]
    [InlineData("/accessibilite")]
    [InlineData("/donnees-personnelles")]
    public async Task AnonymousPages_PassAxe(string path)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(path);

        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact(Timeout = Journey.Timeout)]
    public async Task Parent_SignsInWithTheKeyboard_SeesBothChildrenAndAccessiblePages()
    {
        var page = await browser.SignInAsync("parent.martin", DemoApp.DemoPassword);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bonjour Nathalie");
        var children = page.Locator(".children-list li");
        await Assertions.Expect(children).ToHaveCountAsync(2);
        await Assertions.Expect(children.Nth(0)).ToContainTextAsync("Martin");
        await BrowserFixture.AssertAccessibleAsync(page);

        foreach (var path in new[] { "/compte", "/compte/mot-de-passe", "/compte/double-authentification" })
        {
            await page.GotoAsync(path);
            await BrowserFixture.AssertAccessibleAsync(page);
        }
    }

    [Fact(Timeout = Journey.Timeout)]
    public async Task SignIn_EmptyForm_FocusesTheErrorSummaryWhichPassesAxe()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/connexion");

        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter", Exact = true }).Last.ClickAsync();

        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Indiquez votre identifiant.");
        await Assertions.Expect(page.GetByLabel("Identifiant")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact(Timeout = Journey.Timeout)]
    public async Task Administrator_FirstSignIn_EnrolsTheSecondFactorThenReachesHome()
    {
        // Other journeys share the demo app and may already have enrolled this administrator.
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Preau.Identity.Accounts.Account>>();
            var admin = (await users.FindByNameAsync("admin.valmont"))!;
            await users.SetTwoFactorEnabledAsync(admin, false);
            await users.ResetAuthenticatorKeyAsync(admin);
        }

        var page = await browser.SignInAsync("admin.valmont", DemoApp.DemoPassword);

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/compte/double-authentification$"));
        await BrowserFixture.AssertAccessibleAsync(page);
        var key = (await page.Locator(".shared-key").TextContentAsync())!.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        // ASP.NET Core Identity 10 checks TOTP codes against the system clock, not the app's TimeProvider.
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime);
        await page.GetByLabel("Code de vérification").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Activer" }).ClickAsync();

        await Assertions.Expect(page.Locator(".recovery-codes li")).ToHaveCountAsync(10);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Continuer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bonjour Camille");
    }

    [Fact(Timeout = Journey.Timeout)]
    public async Task Family_ActivatesWithTheLetterCode_AndLandsOnHomeWithTheChild()
    {
        var (login, code, child) = await IssueCodeForAFamilyAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Activer mon compte" }).ClickAsync();

        await page.GetByLabel("Identifiant").FillAsync(login);
        await page.GetByLabel("Code d’activation").FillAsync(code.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await page.GetByLabel("Nouveau mot de passe").FillAsync("nous aimons la cantine du mardi");
        await page.GetByLabel("Confirmez le mot de passe").FillAsync("nous aimons la cantine du mardi");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("J’ai lu et j’accepte les conditions d’utilisation").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Activer mon compte" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre compte est activé");
        await Assertions.Expect(page.Locator(".children-list")).ToContainTextAsync(child);
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact(Timeout = Journey.Timeout)]
    public async Task Language_SwitchToEnglish_TranslatesTheSignInPage()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/connexion");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    private Task<(string Login, string Code, string Child)> IssueCodeForAFamilyAsync() =>
        browser.App.InDemoTerritoryAsync(async sp =>
        {
            var db = sp.GetRequiredService<IdentityDbContext>();
            var guardian = await db.Accounts.Where(a => a.PasswordHash == null && a.Profiles == Preau.Platform.Authorization.Profile.Guardian)
                .OrderBy(a => a.UserName).FirstAsync();
            var child = await (from l in db.GuardianLinks join p in db.Accounts on l.PupilId equals p.Id where l.GuardianId == guardian.Id select p.FirstName).FirstAsync();
            var (code, clear) = ActivationCode.Issue(guardian.Id, browser.App.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromDays(30));
            db.ActivationCodes.Add(code);
            await db.SaveChangesAsync();
            return (guardian.UserName!, ActivationCode.Format(clear), child);
        });
}
