namespace Preau.IntegrationTests.Platform;

/// <summary>
/// The main menu is remembered per combination of profiles (NavigationMenu): what one profile may open
/// never shows in another's menu, whichever signed in first.
/// </summary>
public sealed class NavigationMenuTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task Menu_AlternatingProfiles_EachSeesOnlyTheirOwnEntries()
    {
        var territory = await app.CreateTerritoryAsync();
        var admin = await app.SignInAsync(territory.Admin);
        var guardian = await app.SignInAsync(territory.GuardianA);
        var agent = await app.SignInAsync(territory.Agent);

        for (var round = 0; round < 2; round++)
        {
            var adminMenu = await MenuAsync(admin);
            var guardianMenu = await MenuAsync(guardian);
            var agentMenu = await MenuAsync(agent);

            Assert.Contains("/imports", adminMenu);
            Assert.DoesNotContain("/imports", guardianMenu);
            Assert.DoesNotContain("/imports", agentMenu);
            Assert.Contains("/gestion/statistiques", agentMenu);
            Assert.DoesNotContain("/gestion/statistiques", guardianMenu);
            Assert.Contains("/cahier-de-textes", guardianMenu);
            Assert.NotEqual(adminMenu, guardianMenu);
        }
    }

    private static async Task<List<string>> MenuAsync(HttpClient client) =>
        [.. (await PreauApp.GetPageAsync(client, "/")).QuerySelectorAll("nav.main-nav a").Select(a => a.GetAttribute("href") ?? string.Empty)];
}
