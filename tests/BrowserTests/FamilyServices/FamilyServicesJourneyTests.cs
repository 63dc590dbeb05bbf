using System.Text;
using Microsoft.Playwright;

namespace Preau.BrowserTests.FamilyServices;

/// <summary>Menus, quotient familial, tariffs and school enrolment as the people of Valmont use them.</summary>
public sealed class FamilyServicesJourneyTests(BrowserFixture browser)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    [Fact(Timeout = Journey.Timeout)]
    public async Task Agent_PublishesTheWeeksMenu_GuardianSeesItWithAllergensOnTheHomePage()
    {
        var agent = await browser.SignInAsync("agent.education", DemoApp.DemoPassword);
        await agent.GotoAsync("/menus/gestion");
        await BrowserFixture.AssertAccessibleAsync(agent);
        await agent.GetByRole(AriaRole.Link, new() { Name = "Semaine du 23 novembre 2026" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(agent);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Retirer la publication" }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToContainTextAsync("Menu retiré");

        var guardian = await browser.SignInAsync("parent.martin", DemoApp.DemoPassword);
        await Assertions.Expect(guardian.Locator(".menu-home")).ToContainTextAsync("Pas de menu publié ce jour-là.");

        await agent.GetByRole(AriaRole.Link, new() { Name = "Modifier le lundi 23 novembre" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(agent);
        await agent.GetByLabel("Nom du plat").Nth(1).FillAsync("Hachis parmentier maison");
        var main = agent.Locator("fieldset.dish-form").Nth(1);
        foreach (var allergen in new[] { "Gluten", "Œufs", "Lait", "Céleri", "Poissons", "Moutarde" })
        {
            await main.GetByLabel(allergen, new() { Exact = true }).SetCheckedAsync(allergen is "Lait" or "Céleri");
        }

        await agent.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le menu du jour" }).ClickAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = "Publier aux familles" }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToContainTextAsync("Menu publié");

        await guardian.ReloadAsync();
        var today = guardian.Locator(".menu-home");
        await Assertions.Expect(today).ToContainTextAsync("Hachis parmentier maison");
        await Assertions.Expect(today).ToContainTextAsync("Allergènes : Lait, Céleri");
        await BrowserFixture.AssertAccessibleAsync(guardian);
        await guardian.GetByRole(AriaRole.Link, new() { Name = "Menu de la semaine de École élémentaire Jean-Jaurès" }).ClickAsync();
        await Assertions.Expect(guardian.Locator(".menu-week")).ToContainTextAsync("Hachis parmentier maison");
        await BrowserFixture.AssertAccessibleAsync(guardian);
    }

    [Fact(Timeout = Journey.Timeout)]
    public async Task Family_LooksUpItsAddressFilesARequestWithADerogation_AgentDecides_LetterAvailable()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/sectorisation/valmont");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Numéro").FillAsync("12 bis");
        await page.GetByLabel("Voie").FillAsync("av. Jean Jaures");
        await page.GetByLabel("Niveau").SelectOptionAsync("Maternelle");
        await page.GetByRole(AriaRole.Button, new() { Name = "Trouver l’école" }).ClickAsync();
        await Assertions.Expect(page.Locator(".catchment-answers")).ToContainTextAsync("École maternelle Les Tilleuls");
        await BrowserFixture.AssertAccessibleAsync(page);

        var guardian = await browser.SignInAsync("parent.martin", DemoApp.DemoPassword);
        await guardian.GotoAsync("/inscription-scolaire/nouvelle?numero=12%20bis&voie=av.%20Jean%20Jaures");
        await BrowserFixture.AssertAccessibleAsync(guardian);
        await guardian.GetByLabel("Prénom").FillAsync("Jade");
        await guardian.GetByLabel("Nom", new() { Exact = true }).FillAsync("Martin");
        await guardian.GetByLabel("Date de naissance").FillAsync("2021-05-02");
        await guardian.GetByLabel("Classe demandée").SelectOptionAsync(new SelectOptionValue { Label = "Grande section" });
        await guardian.GetByLabel("Motif de la demande").SelectOptionAsync(new SelectOptionValue { Label = "Arrivée dans la commune" });
        await guardian.GetByLabel("Code postal").FillAsync("95450");
        await guardian.GetByLabel("École demandée").SelectOptionAsync(new SelectOptionValue { Label = "École élémentaire Jean-Jaurès" });
        await guardian.GetByLabel("Motif de dérogation").SelectOptionAsync(new SelectOptionValue { Label = "Un frère ou une sœur est déjà scolarisé dans l’école demandée" });
        await guardian.GetByLabel("Justificatif de domicile de moins de trois mois").SetInputFilesAsync(new FilePayload { Name = "facture.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await guardian.GetByLabel("Livret de famille ou acte de naissance").SetInputFilesAsync(new FilePayload { Name = "livret.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await guardian.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande" }).ClickAsync();
        await Assertions.Expect(guardian.GetByRole(AriaRole.Status)).ToContainTextAsync("envoyée");
        var requestUrl = guardian.Url;
        await BrowserFixture.AssertAccessibleAsync(guardian);

        var agent = await browser.SignInAsync("agent.education", DemoApp.DemoPassword);
        await agent.GotoAsync("/inscription-scolaire/instruction");
        await BrowserFixture.AssertAccessibleAsync(agent);
        await agent.GetByRole(AriaRole.Row, new() { Name = "Jade Martin" }).GetByRole(AriaRole.Link).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(agent);
        await agent.GetByLabel("Motif (facultatif)").FillAsync("L’école élémentaire Jean-Jaurès n’a pas de classe de grande section.");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Refuser" }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToContainTextAsync("Demande refusée");

        await guardian.GotoAsync(requestUrl);
        await guardian.GetByRole(AriaRole.Link, new() { Name = "Lire le courrier" }).ClickAsync();
        var letter = guardian.Locator(".letter");
        await Assertions.Expect(letter).ToContainTextAsync("n’a pas de classe de grande section");
        await Assertions.Expect(letter).ToContainTextAsync("recours");
        await BrowserFixture.AssertAccessibleAsync(guardian);
        var pdf = await guardian.APIRequest.GetAsync(requestUrl + "/courrier.pdf");
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
    }

    [Theory(Timeout = Journey.Timeout)]
    [InlineData("agent.education", "/quotient-familial")]
    [InlineData("agent.education", "/quotient-familial/regle")]
    [InlineData("agent.education", "/tarifs")]
    [InlineData("agent.education", "/tarifs/simulateur?Input.Kind=Canteen&Input.Day=2027-01-12&Input.Quotient=650&Input.Children=2&Input.Quantity=1")]
    [InlineData("agent.education", "/carte-scolaire")]
    [InlineData("agent.education", "/carte-scolaire/motifs")]
    [InlineData("agent.education", "/menus/cantine")]
    [InlineData("parent.martin", "/quotient-familial")]
    [InlineData("parent.martin", "/inscription-scolaire")]
    [InlineData("parent.martin", "/menus")]
    [InlineData("directeur.jaures", "/inscription-scolaire/ecole")]
    [InlineData("animateur.jaures", "/menus/cantine")]
    public async Task FamilyServicesPages_PassAxe(string login, string path)
    {
        var page = await browser.SignInAsync(login, DemoApp.DemoPassword);

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response!.Status);
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact(Timeout = Journey.Timeout)]
    public async Task Agent_OpensATariffVersionAndAQuotientToReview_PagesPassAxe()
    {
        var agent = await browser.SignInAsync("agent.education", DemoApp.DemoPassword);
        await agent.GotoAsync("/tarifs");
        await agent.GetByRole(AriaRole.Link, new() { Name = "Restauration scolaire 2026-2027" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(agent);
        await agent.GotoAsync("/tarifs");
        await agent.GetByLabel("Service", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Accueil du soir" });
        await agent.GetByLabel("Applicable à partir du").FillAsync("2027-01-04");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Créer le brouillon" }).ClickAsync();
        await agent.GetByLabel("Tranche 2 : de").FillAsync("500");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Vérifier et enregistrer" }).ClickAsync();
        await Assertions.Expect(agent.Locator(".error-summary")).ToContainTextAsync("Trou entre les tranches 1 et 2");
        await BrowserFixture.AssertAccessibleAsync(agent);

        var guardian = await browser.SignInAsync("parent.martin", DemoApp.DemoPassword);
        await guardian.GotoAsync("/quotient-familial");
        await Assertions.Expect(guardian.Locator(".card--highlight")).ToContainTextAsync("1040,00 €");
        await Assertions.Expect(guardian.Locator(".card--highlight")).ToContainTextAsync("tranche 3");
        await guardian.GetByLabel("Revenus mensuels du foyer (€)").FillAsync("2 700");
        await guardian.GetByLabel("Enfants à charge").FillAsync("2");
        await guardian.GetByRole(AriaRole.Button, new() { Name = "Calculer et envoyer" }).ClickAsync();
        await Assertions.Expect(guardian.GetByRole(AriaRole.Status)).ToContainTextAsync("900,00 €");
        await BrowserFixture.AssertAccessibleAsync(guardian);

        await agent.GotoAsync("/quotient-familial");
        await agent.GetByRole(AriaRole.Link, new() { Name = "Examiner" }).First.ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(agent);
    }
}
