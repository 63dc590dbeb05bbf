namespace Preau.BrowserTests.Identity;

/// <summary>The territory administrator opens a service to single sign-on.</summary>
public sealed class ConnectedServicesJourneyTests(BrowserFixture browser)
{
    [Fact(Timeout = Journey.Timeout)]
    public async Task Admin_RegistersAService_SeesItsSecretOnceAndFindsItInTheList()
    {
        var page = await browser.SignInWithSecondFactorAsync("admin.valmont", DemoApp.DemoPassword);
        await page.GotoAsync("/admin/services-connectes");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Ajouter un service" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Nom du service").FillAsync("Nextcloud des écoles");
        await page.GetByLabel("Adresses de retour", new() { Exact = true }).FillAsync("https://nuage.valmont.example/apps/user_oidc/code");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter le service" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Nextcloud des écoles");
        await Assertions.Expect(page.Locator("code.secret")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Retour aux services connectés" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nextcloud des écoles" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Adresses de retour", new() { Exact = true })).ToHaveValueAsync("https://nuage.valmont.example/apps/user_oidc/code");
        await BrowserFixture.AssertAccessibleAsync(page);
    }
}
