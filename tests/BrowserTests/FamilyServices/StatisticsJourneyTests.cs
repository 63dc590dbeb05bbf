using System.Text;
using Microsoft.Playwright;

namespace Preau.BrowserTests.FamilyServices;

/// <summary>Issue 5, item 9: the town's agent reads the statistics of Valmont, filters them with the keyboard and downloads a CSV.</summary>
public sealed class StatisticsJourneyTests(BrowserFixture browser)
{
    [Fact(Timeout = Journey.Timeout)]
    public async Task Agent_OpensStatisticsFromHome_FiltersWithTheKeyboard_SeesChartAndTable_DownloadsCsv()
    {
        var agent = await browser.SignInAsync("agent.education", DemoApp.DemoPassword);
        var summary = agent.Locator("section[aria-labelledby='agent-statistics-title']");
        await Assertions.Expect(summary).ToContainTextAsync("Taux de présence");
        await BrowserFixture.AssertAccessibleAsync(agent);

        await summary.GetByRole(AriaRole.Link, new() { Name = "Voir les statistiques" }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Statistiques des services aux familles");
        var chart = agent.GetByRole(AriaRole.Img, new() { Name = "Graphique : jours de présence par mois", Exact = false });
        await Assertions.Expect(chart).ToBeVisibleAsync();
        Assert.True(await agent.Locator("#chart-months g.chart__row").CountAsync() >= 1);
        // The page's own style sheet draws the bars in the territory's colour (SVG's default would be black).
        await Assertions.Expect(agent.Locator("#chart-months rect.chart__bar").First).ToHaveCSSAsync("fill", new System.Text.RegularExpressions.Regex(@"^rgb\((?!0, 0, 0\))"));
        await Assertions.Expect(agent.GetByRole(AriaRole.Table, new() { Name = "Présence par mois", Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(agent.Locator("#estimate-title")).ToContainTextAsync("Montant estimé par prestation");
        await BrowserFixture.AssertAccessibleAsync(agent);

        // Filter with the keyboard only: choose a school and the canteen, then press Enter on "Afficher".
        await agent.GetByLabel("École", new() { Exact = true }).FocusAsync();
        await agent.GetByLabel("École", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "École élémentaire Jean-Jaurès" });
        await agent.Keyboard.PressAsync("Tab");
        await Assertions.Expect(agent.GetByLabel("Type de service", new() { Exact = true })).ToBeFocusedAsync();
        await agent.GetByLabel("Type de service", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Restauration scolaire" });
        await agent.Keyboard.PressAsync("Tab");
        await Assertions.Expect(agent.GetByRole(AriaRole.Button, new() { Name = "Afficher" })).ToBeFocusedAsync();
        await agent.Keyboard.PressAsync("Enter");
        await agent.WaitForURLAsync(url => url.Contains("type=Canteen", StringComparison.Ordinal));

        var services = agent.Locator("section[aria-labelledby='services-title'] tbody tr");
        await Assertions.Expect(services.First).ToContainTextAsync("École élémentaire Jean-Jaurès");
        foreach (var row in await services.AllAsync())
        {
            await Assertions.Expect(row).ToContainTextAsync("Jean-Jaurès");
        }

        await Assertions.Expect(agent.GetByRole(AriaRole.Img, new() { Name = "Graphique : inscriptions acceptées par service" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(agent);

        var download = await agent.RunAndWaitForDownloadAsync(() =>
            agent.GetByRole(AriaRole.Link, new() { Name = "Télécharger la présence par mois (CSV)" }).ClickAsync());
        Assert.StartsWith("presence-par-mois-", download.SuggestedFilename, StringComparison.Ordinal);
        await using var stream = await download.CreateReadStreamAsync();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Mois;Jours réservés;Présents;", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length >= 2);

        // A malformed month typed in the address bar: a French message, the page still works.
        await agent.GotoAsync("/gestion/statistiques?du=2026-13");
        await Assertions.Expect(agent.Locator(".error-summary")).ToContainTextAsync("Le mois de début s’écrit AAAA-MM");
        await BrowserFixture.AssertAccessibleAsync(agent);
    }
}
