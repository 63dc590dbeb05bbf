using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Data;
using Preau.SchoolLife.Data;

namespace Preau.BrowserTests.SchoolLife;

/// <summary>Timetables on a 360 px phone (a day at a time) and the school's timetable pages, with axe-core on each.</summary>
public sealed partial class TimetablePhoneTests(BrowserFixture browser)
{
    [Fact(Timeout = Journey.Timeout)]
    public async Task Guardian_OnA360PixelPhone_ReadsADayAtATimeWithTheComingChanges()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl, Locale = "fr-FR", ViewportSize = new() { Width = 360, Height = 740 }, IsMobile = true, HasTouch = true });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Identifiant").FillAsync("parent.martin");
        await page.GetByLabel("Mot de passe").FillAsync(DemoApp.DemoPassword);
        await page.GetByLabel("Mot de passe").PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/connexion", StringComparison.Ordinal));

        await page.GetByRole(AriaRole.Link, new() { Name = "Emploi du temps", Exact = true }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Lucas Martin" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Emploi du temps de Lucas");
        await Assertions.Expect(page.Locator(".upcoming-changes")).ToContainTextAsync("Gymnase fermé");
        await Assertions.Expect(page.Locator(".day-tabs")).ToBeVisibleAsync();
        // Nothing widens the page: the layout viewport stays the phone's 360 px (no zooming out).
        Assert.Equal(360, await page.EvaluateAsync<int>("window.innerWidth"));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "The page scrolls sideways at 360 px.");
        // One day fills the width; the next one waits to the side until its tab is tapped (or the week swiped).
        var week = await page.Locator(".week").BoundingBoxAsync();
        var monday = await page.Locator("#jour-2026-11-23").BoundingBoxAsync();
        var tuesday = await page.Locator("#jour-2026-11-24").BoundingBoxAsync();
        Assert.InRange(monday!.Width, week!.Width - 1, week.Width + 1);
        Assert.InRange(monday.X, week.X - 1, week.X + 1);
        Assert.True(tuesday!.X >= 360, $"Tuesday should wait off screen, it is at x = {tuesday.X}.");

        await page.Locator(".day-tabs").GetByRole(AriaRole.Link, new() { Name = "Mar. 24" }).ClickAsync();

        await Assertions.Expect(page.Locator("#jour-2026-11-24")).ToBeInViewportAsync();
        await Assertions.Expect(page.Locator("#jour-2026-11-24")).ToContainTextAsync("Français");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Semaine suivante" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("semaine=2026-11-30$"));
        await BrowserFixture.AssertAccessibleAsync(page);
        await context.CloseAsync();
    }

    [Fact(Timeout = Journey.Timeout)]
    public async Task Head_EntersAndChangesTheTimetable_PagesPassAxe()
    {
        var (sixthGrade, slotId, collegeId) = await DemoAsync(async sp =>
        {
            var identity = sp.GetRequiredService<IdentityDbContext>();
            var group = await identity.ClassGroups.Where(g => g.Name == "6e A").Select(g => new { g.Id, g.SchoolId }).SingleAsync();
            var slot = await sp.GetRequiredService<SchoolLifeDbContext>().TimetableSlots
                .Where(s => s.ClassGroupId == group.Id && s.Day == DayOfWeek.Thursday && s.Subject == "Anglais").Select(s => s.Id).SingleAsync();
            return (group.Id, slot, group.SchoolId);
        });
        var head = await browser.SignInAsync("principale.hugo", DemoApp.DemoPassword);

        await head.GotoAsync("/emploi-du-temps");
        await BrowserFixture.AssertAccessibleAsync(head);
        await head.GotoAsync($"/emploi-du-temps/classe/{sixthGrade}");
        await Assertions.Expect(head.Locator(".week-nav")).ToContainTextAsync("Semaine A");
        await BrowserFixture.AssertAccessibleAsync(head);
        await head.GotoAsync($"/emploi-du-temps/classe/{sixthGrade}/cours");
        await BrowserFixture.AssertAccessibleAsync(head);
        await head.GotoAsync($"/emploi-du-temps/cours/{slotId}");
        await BrowserFixture.AssertAccessibleAsync(head);
        await head.GotoAsync($"/emploi-du-temps/reglages/{collegeId}");
        await BrowserFixture.AssertAccessibleAsync(head);

        await head.GotoAsync($"/emploi-du-temps/cours/{slotId}/changement/2026-11-26");
        await BrowserFixture.AssertAccessibleAsync(head);
        await head.GetByLabel("Autre salle").FillAsync("CDI");
        await head.GetByLabel("Note pour les familles").FillAsync("Séance à la bibliothèque");
        await head.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le changement" }).ClickAsync();
        await Assertions.Expect(head.GetByRole(AriaRole.Status)).ToContainTextAsync("Le changement est enregistré");
        await Assertions.Expect(head.Locator("#jour-2026-11-26")).ToContainTextAsync("Séance à la bibliothèque");

        var teacher = await browser.SignInAsync("professeur.maths", DemoApp.DemoPassword);
        await teacher.Locator(".teacher-day").GetByRole(AriaRole.Link, new() { Name = "Mon emploi du temps" }).ClickAsync();
        await Assertions.Expect(teacher.Locator(".week")).ToContainTextAsync("Mathématiques");
        await BrowserFixture.AssertAccessibleAsync(teacher);
    }

    private Task<T> DemoAsync<T>(Func<IServiceProvider, Task<T>> work) =>
        browser.App.InDemoTerritoryAsync(work);
}
