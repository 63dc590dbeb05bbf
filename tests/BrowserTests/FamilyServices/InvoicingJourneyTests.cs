using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Preau.BrowserTests.FamilyServices;

/// <summary>Issue #5, item 6: the agent invoices last month, issues it; the Martin family pays online at the test bank.</summary>
public sealed class InvoicingJourneyTests(BrowserFixture browser)
{
    [Fact(Timeout = Journey.Timeout)]
    public async Task Agent_ComputesChecksAndIssuesOctober_GuardianPaysOnline_EveryPagePassesAxe()
    {
        var agent = await browser.SignInAsync("agent.education", DemoApp.DemoPassword);
        await agent.GetByRole(AriaRole.Link, new() { Name = "Facturation", Exact = true }).First.ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(agent);
        await agent.GetByLabel("Mois à facturer").FillAsync("2026-10");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Calculer le brouillon" }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status).First).ToContainTextAsync("Brouillon calculé");
        await BrowserFixture.AssertAccessibleAsync(agent);

        // The agent checks the Martin family's draft before issuing.
        var martin = agent.GetByRole(AriaRole.Link, new() { Name = "Foyer Martin" });
        while (await martin.CountAsync() == 0)
        {
            await agent.GetByRole(AriaRole.Link, new() { Name = "Suivante" }).ClickAsync();
        }

        await martin.First.ClickAsync();
        await Assertions.Expect(agent.Locator(".invoice-lines")).ToContainTextAsync("octobre 2026");
        await BrowserFixture.AssertAccessibleAsync(agent);
        await agent.GetByRole(AriaRole.Link, new() { Name = "Retour à la facturation du mois" }).ClickAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = "Émettre les factures" }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status).First).ToContainTextAsync("émise(s) et numérotée(s)");
        await Assertions.Expect(agent.GetByRole(AriaRole.Button, new() { Name = "Émettre les factures" })).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(agent);
        var runUrl = agent.Url;

        // An issued invoice, as the agent sees it: lines to cancel by a credit note, a payment to record.
        await agent.Locator("table a").First.ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Button, new() { Name = "Émettre l’avoir" })).ToBeVisibleAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le paiement" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(agent);
        await agent.GotoAsync(runUrl);
        await agent.GetByRole(AriaRole.Link, new() { Name = "Soldes, relances et exports" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(agent);

        var guardian = await browser.SignInAsync("parent.martin", DemoApp.DemoPassword);
        await guardian.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("voir et payer vos factures") }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(guardian);
        await guardian.Locator("table a").First.ClickAsync();
        await Assertions.Expect(guardian.Locator("h1")).ToContainTextAsync("Facture n° 2026-");
        await BrowserFixture.AssertAccessibleAsync(guardian);
        var pdf = await guardian.APIRequest.GetAsync(guardian.Url + "/facture.pdf");
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);

        await guardian.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Payer en ligne") }).ClickAsync();
        await Assertions.Expect(guardian.Locator("h1")).ToHaveTextAsync("Banque de test");
        await BrowserFixture.AssertAccessibleAsync(guardian);
        await guardian.GetByRole(AriaRole.Button, new() { Name = "Accepter le paiement" }).ClickAsync();
        await Assertions.Expect(guardian.Locator(".payment-outcome")).ToContainTextAsync("Paiement accepté");
        await BrowserFixture.AssertAccessibleAsync(guardian);
        await guardian.GetByRole(AriaRole.Link, new() { Name = "Voir la facture" }).ClickAsync();
        await Assertions.Expect(guardian.Locator(".invoice-remaining")).ToHaveTextAsync("0,00 €");
        await Assertions.Expect(guardian.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Payer en ligne") })).ToHaveCountAsync(0);
    }
}
