using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Preau.Identity.Data;
using Preau.SchoolLife.Data;

namespace Preau.BrowserTests.SchoolLife;

/// <summary>The homework log's main journey on the demo territory (Monday 23 November 2026, 08:30), with axe-core on every page.</summary>
public sealed partial class HomeworkJourneyTests(BrowserFixture browser)
{
    [Fact(Timeout = Journey.Timeout)]
    public async Task TeacherWritesHomework_GuardianSeesItOnTheHomePageAndIsNotified()
    {
        var teacher = await browser.SignInAsync("enseignante.cm2", DemoApp.DemoPassword);
        var today = teacher.Locator(".teacher-day");
        await Assertions.Expect(today).ToContainTextAsync("Mes cours d’aujourd’hui");
        await Assertions.Expect(today.GetByRole(AriaRole.Link, new() { Name = "Faire l’appel – CM2 08:30" }))
            .ToHaveAttributeAsync("href", RollCallLink());
        await BrowserFixture.AssertAccessibleAsync(teacher);

        await today.GetByRole(AriaRole.Link, new() { Name = "Remplir le cahier de textes – CM2 08:30" }).ClickAsync();
        await Assertions.Expect(teacher.GetByLabel("Matière")).ToHaveValueAsync("Français");
        await teacher.Locator("#Input_Lesson-editor").FillAsync("Lecture de « Déjeuner du matin » de Jacques Prévert.");
        await teacher.Locator("#Input_Work-editor").FillAsync("Apprendre la première strophe du poème.");
        await teacher.GetByLabel("Pour le").FillAsync("2026-11-24");
        await teacher.GetByLabel("Durée estimée (minutes)").FillAsync("20");
        await BrowserFixture.AssertAccessibleAsync(teacher);
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        await Assertions.Expect(teacher.GetByRole(AriaRole.Status)).ToContainTextAsync("La séance est enregistrée et publiée");
        await Assertions.Expect(teacher.Locator("main")).ToContainTextAsync("Apprendre la première strophe du poème.");
        await BrowserFixture.AssertAccessibleAsync(teacher);
        await browser.App.RunOutboxAsync();

        var parent = await browser.SignInAsync("parent.martin", DemoApp.DemoPassword);
        var lucas = parent.Locator(".family-day", new() { HasText = "La journée de Lucas" });
        await Assertions.Expect(lucas).ToContainTextAsync("Apprendre la première strophe du poème.");
        await Assertions.Expect(lucas.Locator(".work", new() { HasText = "première strophe" }).Locator(".badge--info")).ToHaveTextAsync("Nouveau");
        await Assertions.Expect(parent.Locator("#notifications-title + ul")).ToContainTextAsync("CM2 : nouveau travail à faire en Français");
        await Assertions.Expect(parent.Locator(".family-day", new() { HasText = "La journée de Léa" })).ToContainTextAsync("Mathématiques");
        await BrowserFixture.AssertAccessibleAsync(parent);

        await lucas.GetByRole(AriaRole.Link, new() { Name = "Tout le travail de Lucas" }).ClickAsync();
        await Assertions.Expect(parent.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Travail à faire de Lucas");
        await Assertions.Expect(parent.Locator("#travail-" + await EntryWithWorkAsync("première strophe"))).ToContainTextAsync("Apprendre la première strophe du poème.");
        await BrowserFixture.AssertAccessibleAsync(parent);
        await parent.GetByRole(AriaRole.Link, new() { Name = "Voir la séance de Français" }).First.ClickAsync();
        await Assertions.Expect(parent.Locator("main")).ToContainTextAsync("Ce qui a été fait");
        await BrowserFixture.AssertAccessibleAsync(parent);
        await parent.GotoAsync("/cahier-de-textes");
        await BrowserFixture.AssertAccessibleAsync(parent);
    }

    [Fact(Timeout = Journey.Timeout)]
    public async Task Pupil_TicksWorkDoneAndReadsTheSessions_PagesPassAxe()
    {
        var pupil = await browser.SignInAsync("eleve.lucas", DemoApp.DemoPassword);
        await Assertions.Expect(pupil.Locator(".family-day")).ToContainTextAsync("Ma journée");
        await BrowserFixture.AssertAccessibleAsync(pupil);

        await pupil.GetByRole(AriaRole.Link, new() { Name = "Tout mon travail à faire" }).ClickAsync();
        var firstUndone = pupil.Locator(".work:not(.work--done)").First;
        var id = await firstUndone.GetAttributeAsync("id");
        await firstUndone.GetByRole(AriaRole.Button, new() { Name = "J’ai fait ce travail" }).ClickAsync();

        await Assertions.Expect(pupil.GetByRole(AriaRole.Status)).ToContainTextAsync("C’est noté : travail fait.");
        await Assertions.Expect(pupil.Locator($"#{id}")).ToHaveClassAsync(new Regex("work--done"));
        await BrowserFixture.AssertAccessibleAsync(pupil);
        await pupil.GetByRole(AriaRole.Link, new() { Name = "Contenu des séances" }).ClickAsync();
        await Assertions.Expect(pupil.Locator(".session-list li").First).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(pupil);
    }

    [Fact(Timeout = Journey.Timeout)]
    public async Task TeacherPages_LogEditErrorsAndCalendarAddress_PassAxe()
    {
        var (sixthGrade, entryId) = await DemoAsync(async sp =>
        {
            var group = await sp.GetRequiredService<IdentityDbContext>().ClassGroups.Where(g => g.Name == "6e A").Select(g => g.Id).SingleAsync();
            var entry = await sp.GetRequiredService<SchoolLifeDbContext>().HomeworkEntries
                .Where(e => e.ClassGroupId == group && e.Subject == "Mathématiques" && e.DueOn != null).OrderByDescending(e => e.SessionOn).Select(e => e.Id).FirstAsync();
            return (group, entry);
        });
        var teacher = await browser.SignInAsync("professeur.maths", DemoApp.DemoPassword);

        await teacher.GotoAsync("/cahier-de-textes");
        await BrowserFixture.AssertAccessibleAsync(teacher);
        await teacher.GotoAsync($"/cahier-de-textes/classe/{sixthGrade}");
        await Assertions.Expect(teacher.Locator("main")).ToContainTextAsync("Publication programmée");
        await BrowserFixture.AssertAccessibleAsync(teacher);
        await teacher.GotoAsync($"/cahier-de-textes/seance/{entryId}/modifier");
        await Assertions.Expect(teacher.Locator("#Input_Work-editor")).Not.ToBeEmptyAsync();
        await BrowserFixture.AssertAccessibleAsync(teacher);

        await teacher.GotoAsync($"/cahier-de-textes/classe/{sixthGrade}/nouvelle-seance");
        await teacher.GetByLabel("Matière").FillAsync("");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(teacher.Locator(".error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(teacher.Locator(".error-summary")).ToContainTextAsync("Indiquez la matière.");
        await BrowserFixture.AssertAccessibleAsync(teacher);

        await teacher.GotoAsync("/compte");
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Mon agenda dans mon téléphone" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(teacher);
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Créer mon adresse privée" }).ClickAsync();
        var address = await teacher.Locator("#feed-address").InputValueAsync();
        await BrowserFixture.AssertAccessibleAsync(teacher);
        var feed = await teacher.Context.APIRequest.GetAsync(new Uri(address).AbsolutePath);
        Assert.Equal(200, feed.Status);
        Assert.Contains("BEGIN:VTIMEZONE", await feed.TextAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^/appel\?classe=[0-9a-f-]{36}&date=2026-11-23&debut=08:30$")]
    private static partial Regex RollCallLink();

    private Task<Guid> EntryWithWorkAsync(string text) =>
        DemoAsync(sp => sp.GetRequiredService<SchoolLifeDbContext>().HomeworkEntries.Where(e => e.WorkHtml.Contains(text)).Select(e => e.Id).SingleAsync());

    private Task<T> DemoAsync<T>(Func<IServiceProvider, Task<T>> work) =>
        browser.App.InDemoTerritoryAsync(work);
}
