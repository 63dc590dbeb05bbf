using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;
using Preau.Identity.Accounts;
using Preau.Identity.Data;
using Preau.Platform.Authorization;

namespace Preau.BrowserTests.Communication;

/// <summary>Issue 4: "teacher writes to all guardians of the class → a guardian reads and replies", with the live badge.</summary>
public sealed class MessagingJourneyTests(BrowserFixture browser)
{
    [Fact(Timeout = Journey.Timeout)]
    public async Task TeacherWritesToTheClassGuardians_GuardianSeesTheLiveBadgeReadsAndReplies()
    {
        var parent = await browser.SignInAsync("parent.martin", DemoApp.DemoPassword);
        await parent.GotoAsync("/messages");
        await BrowserFixture.AssertAccessibleAsync(parent);
        var badge = parent.Locator("[data-badge=messages]");
        var before = int.Parse((await badge.TextContentAsync())!.Split(' ')[0].Trim(), System.Globalization.CultureInfo.InvariantCulture);

        var teacher = await browser.SignInAsync("enseignante.cm2", DemoApp.DemoPassword);
        await teacher.GotoAsync("/messages");
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Nouveau message" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(teacher);
        await teacher.GetByLabel("Responsables de CM2").CheckAsync();
        await teacher.GetByLabel("Objet").FillAsync("Piscine lundi");
        await teacher.GetByLabel("Message", new() { Exact = true }).FillAsync("Bonjour,\n\nPensez au bonnet de bain pour lundi.");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Envoyer", Exact = true }).ClickAsync();
        await Assertions.Expect(teacher.GetByRole(AriaRole.Status)).ToContainTextAsync("Message envoyé");
        await BrowserFixture.AssertAccessibleAsync(teacher);

        await browser.App.RunOutboxAsync();

        // The open page of the guardian learns it through SignalR, without reloading.
        await Assertions.Expect(badge).ToContainTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 15_000 });
        await parent.ReloadAsync();
        await parent.GetByRole(AriaRole.Link, new() { Name = "Piscine lundi" }).ClickAsync();
        await Assertions.Expect(parent.Locator(".message__body").Last).ToContainTextAsync("Pensez au bonnet de bain pour lundi.");
        await BrowserFixture.AssertAccessibleAsync(parent);
        await parent.GetByLabel("Votre réponse").FillAsync("Merci, Lucas aura son bonnet.");
        await parent.GetByRole(AriaRole.Button, new() { Name = "Envoyer la réponse" }).ClickAsync();
        await Assertions.Expect(parent.GetByRole(AriaRole.Status)).ToContainTextAsync("Réponse envoyée");

        await teacher.GotoAsync("/messages");
        await teacher.GetByRole(AriaRole.Link, new() { Name = "RE : Piscine lundi" }).ClickAsync();
        await Assertions.Expect(teacher.Locator(".message__body")).ToContainTextAsync("Merci, Lucas aura son bonnet.");
    }

    [Fact(Timeout = Journey.Timeout)]
    public async Task MessagingPages_PassAxe()
    {
        var parent = await browser.SignInAsync("parent.martin", DemoApp.DemoPassword);
        foreach (var path in new[] { "/messages?dossier=envoyes", "/messages/brouillons", "/notifications", "/notifications?classe=action", "/compte/notifications" })
        {
            await parent.GotoAsync(path);
            await BrowserFixture.AssertAccessibleAsync(parent);
        }

        // An empty send keeps the form with the errors, focused and accessible.
        await parent.GotoAsync("/messages/nouveau");
        await parent.GetByRole(AriaRole.Button, new() { Name = "Envoyer", Exact = true }).ClickAsync();
        await Assertions.Expect(parent.Locator(".error-summary")).ToBeFocusedAsync();
        await BrowserFixture.AssertAccessibleAsync(parent);

        var head = await browser.SignInAsync("directeur.jaures", DemoApp.DemoPassword);
        await head.GotoAsync("/messages/moderation");
        await BrowserFixture.AssertAccessibleAsync(head);

        var admin = await SignInAdministratorAsync();
        await admin.GotoAsync("/messages/regles");
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Règles de communication");
        await BrowserFixture.AssertAccessibleAsync(admin);
    }

    /// <summary>A territory administrator of the demo territory with a known second factor (the printed one may have enrolled in another test).</summary>
    private async Task<IPage> SignInAdministratorAsync()
    {
        var login = "admin.regles." + Guid.NewGuid().ToString("N")[..6];
        var territoryId = await browser.App.DemoTerritoryIdAsync();
        var key = await browser.App.InTerritoryAsync(territoryId, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<Account>>();
            var account = new Account { TerritoryId = territoryId, UserName = login, FirstName = "Régine", LastName = "Règles", Profiles = Profile.TerritoryAdmin, CreatedAt = browser.App.Clock.GetUtcNow().UtcDateTime, LockoutEnabled = true };
            await users.CreateAsync(account, DemoApp.DemoPassword);
            await users.ResetAuthenticatorKeyAsync(account);
            await users.SetTwoFactorEnabledAsync(account, true);
            return (await users.GetAuthenticatorKeyAsync(account))!;
        });
        var page = await browser.SignInAsync(login, DemoApp.DemoPassword);
        // ASP.NET Core Identity 10 checks TOTP codes against the system clock, not the app's TimeProvider.
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime);
        await page.Locator("input[name=Code]").FillAsync(code);
        await page.Locator("input[name=Code]").PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("deux-facteurs", StringComparison.Ordinal));
        return page;
    }
}
