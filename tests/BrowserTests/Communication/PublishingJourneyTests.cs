using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Preau.Identity.Contracts;
using Preau.Identity.Data;

namespace Preau.BrowserTests.Communication;

/// <summary>News, class blogs, agenda and school council through the demo territory, with axe-core on every page.</summary>
public sealed class PublishingJourneyTests(BrowserFixture browser)
{
    [Fact(Timeout = Journey.Timeout)]
    public async Task PupilWritesAPost_TeacherApproves_GuardianSeesIt()
    {
        var pupil = await browser.SignInAsync("eleve.lucas", DemoApp.DemoPassword);
        await pupil.GotoAsync("/blogs");
        await BrowserFixture.AssertAccessibleAsync(pupil);
        await pupil.GetByRole(AriaRole.Link, new() { Name = "Blog de la classe CM2" }).ClickAsync();
        await pupil.GetByRole(AriaRole.Link, new() { Name = "Écrire un billet" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(pupil);
        await pupil.GetByLabel("Titre", new() { Exact = true }).FillAsync("Nos tulipes ont fleuri");
        await pupil.Locator("#Input_Body").FillAsync("Nous avons planté des bulbes en novembre.\n\nIls ont fleuri !");
        await pupil.GetByRole(AriaRole.Button, new() { Name = "Envoyer à l’enseignant" }).ClickAsync();
        await Assertions.Expect(pupil.GetByRole(AriaRole.Status)).ToContainTextAsync("Ton billet est envoyé à l’enseignant");
        await BrowserFixture.AssertAccessibleAsync(pupil);

        var teacher = await browser.SignInAsync("enseignante.cm2", DemoApp.DemoPassword);
        await teacher.GotoAsync("/blogs");
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Blog de la classe CM2" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(teacher);
        await teacher.Locator(".moderation-queue").GetByRole(AriaRole.Link, new() { Name = "Nos tulipes ont fleuri" }).ClickAsync();
        await Assertions.Expect(teacher.Locator(".publication .card__meta")).ToContainTextAsync("Lucas Martin");
        await BrowserFixture.AssertAccessibleAsync(teacher);
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Publier le billet" }).ClickAsync();
        await Assertions.Expect(teacher.GetByRole(AriaRole.Status)).ToContainTextAsync("Le billet est publié.");

        var parent = await browser.SignInAsync("parent.martin", DemoApp.DemoPassword);
        await parent.GotoAsync("/blogs");
        await parent.GetByRole(AriaRole.Link, new() { Name = "Blog de la classe CM2" }).ClickAsync();
        await parent.GetByRole(AriaRole.Link, new() { Name = "Nos tulipes ont fleuri" }).ClickAsync();
        await Assertions.Expect(parent.Locator(".publication__body")).ToContainTextAsync("Ils ont fleuri !");
        await Assertions.Expect(parent.Locator(".publication .card__meta")).ToContainTextAsync("Lucas M.");
        await Assertions.Expect(parent.Locator(".publication .card__meta")).Not.ToContainTextAsync("Martin");
        await BrowserFixture.AssertAccessibleAsync(parent);
    }

    [Fact(Timeout = Journey.Timeout)]
    public async Task GuardianBooksAMeetingSlot_TeacherSeesItOnThePrintableSchedule()
    {
        var parent = await browser.SignInAsync("parent.martin", DemoApp.DemoPassword);
        await parent.GotoAsync("/agenda");
        await BrowserFixture.AssertAccessibleAsync(parent);
        await parent.GetByRole(AriaRole.Link, new() { Name = "Rencontres parents–enseignante du CM2" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(parent);
        var eventUrl = parent.Url;

        await parent.Locator(".slot--free button").First.ClickAsync();

        await Assertions.Expect(parent.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre rendez-vous est réservé.");
        await Assertions.Expect(parent.Locator(".my-bookings")).ToContainTextAsync("Lucas");
        await BrowserFixture.AssertAccessibleAsync(parent);
        // One slot per family: a second booking is refused with a French message, the page kept.
        await parent.Locator(".slot--free button").First.ClickAsync();
        await Assertions.Expect(parent.Locator(".error-summary")).ToContainTextAsync("déjà réservé un créneau pour cet enfant");
        await BrowserFixture.AssertAccessibleAsync(parent);

        var teacher = await browser.SignInAsync("enseignante.cm2", DemoApp.DemoPassword);
        await teacher.GotoAsync(eventUrl);
        await Assertions.Expect(teacher.Locator(".schedule")).ToContainTextAsync("Nathalie Martin");
        await Assertions.Expect(teacher.GetByRole(AriaRole.Button, new() { Name = "Imprimer le planning" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(teacher);
    }

    [Fact(Timeout = Journey.Timeout)]
    public async Task SchoolPublicPage_Anonymous_ReadsPublicNewsAndFeeds()
    {
        var uai = await JauresUaiAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/t/valmont/ecoles/{uai}");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("École élémentaire Jean-Jaurès");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Portes ouvertes de l’école");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Photos de classe");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Portes ouvertes de l’école" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GotoAsync($"/t/valmont/ecoles/{uai}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Fête de l’école" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        var feed = await page.APIRequest.GetAsync($"/t/valmont/ecoles/{uai}/actualites.atom");
        Assert.Contains("<entry>", await feed.TextAsync(), StringComparison.Ordinal);
    }

    [Theory(Timeout = Journey.Timeout)]
    [InlineData("directeur.jaures", "/actualites")]
    [InlineData("directeur.jaures", "/actualites/a-valider")]
    [InlineData("directeur.jaures", "/actualites/rediger")]
    [InlineData("directeur.jaures", "/actualites/mes-publications")]
    [InlineData("directeur.jaures", "/agenda/organiser")]
    [InlineData("directeur.jaures", "/conseil-ecole")]
    [InlineData("parent.martin", "/")]
    [InlineData("parent.martin", "/agenda/abonnement")]
    [InlineData("parent.martin", "/conseil-ecole")]
    public async Task PublishingPages_PassAxe(string login, string path)
    {
        var page = await browser.SignInAsync(login, DemoApp.DemoPassword);
        var response = await page.GotoAsync(path);

        Assert.Equal(200, response!.Status);
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact(Timeout = Journey.Timeout)]
    public async Task HeadApprovesTeachersNews_AndRunsTheCouncil_PagesPassAxe()
    {
        var head = await browser.SignInAsync("directeur.jaures", DemoApp.DemoPassword);
        await head.GotoAsync("/actualites/a-valider");
        await head.GetByRole(AriaRole.Link, new() { Name = "Marché de Noël de l’école" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(head);
        await head.GetByRole(AriaRole.Button, new() { Name = "Valider et publier" }).ClickAsync();
        await Assertions.Expect(head.GetByRole(AriaRole.Status)).ToContainTextAsync("L’actualité est validée et publiée.");

        await head.GotoAsync("/conseil-ecole");
        await head.GetByRole(AriaRole.Link, new() { Name = "Conseil d’école – École élémentaire Jean-Jaurès" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(head);
        await head.Locator(".meeting-list a").Last.ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(head);

        var parent = await browser.SignInAsync("parent.martin", DemoApp.DemoPassword);
        await parent.GotoAsync("/conseil-ecole");
        await parent.Locator(".council-list a").First.ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(parent);
        await parent.Locator(".meeting-list a").First.ClickAsync();
        await Assertions.Expect(parent.Locator(".minutes")).ToContainTextAsync("passage piéton");
        await BrowserFixture.AssertAccessibleAsync(parent);
        await parent.GotoAsync("/actualites");
        await parent.GetByRole(AriaRole.Link, new() { Name = "Sortie au musée des sciences" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(parent);
    }

    private Task<string> JauresUaiAsync()
    {
        return browser.App.InDemoTerritoryAsync(async sp =>
            (await sp.GetRequiredService<IStructureDirectory>().ListSchoolsAsync()).Single(s => s.Name == "École élémentaire Jean-Jaurès").Uai);
    }
}
