using static Preau.IntegrationTests.SchoolLife.SchoolLifeArrangements;

namespace Preau.IntegrationTests.SchoolLife;

/// <summary>The home pages: the family's day per child, the pupil's own, the teacher's sessions one tap from roll call and homework.</summary>
public sealed class TodayTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task GuardianHome_ChildWithLessonsAndWork_ShowsTodayTomorrowAndWhatIsDue()
    {
        var territory = await app.CreateTerritoryAsync();
        await app.AddSlotAsync(territory, territory.ClassA, territory.SchoolA, DayOfWeek.Monday, 10, "Mathématiques", territory.TeacherA.Id);
        await app.AddSlotAsync(territory, territory.ClassA, territory.SchoolA, DayOfWeek.Tuesday, 9, "Sciences", territory.TeacherA.Id);
        await WriteEntryAsync(await app.SignInAsync(territory.TeacherA), territory.ClassA);

        var home = await PreauApp.GetPageAsync(await app.SignInAsync(territory.GuardianA), "/");

        var card = home.QuerySelector(".family-day")!.TextContent;
        Assert.Contains("La journée de Paul", card, StringComparison.Ordinal);
        Assert.Contains("Mathématiques", card, StringComparison.Ordinal);
        Assert.Contains("Mardi 24 novembre", card, StringComparison.Ordinal);
        Assert.Contains("Sciences", card, StringComparison.Ordinal);
        Assert.Contains("Exercices 5 et 6 page 42.", card, StringComparison.Ordinal);
        Assert.Contains("Nouveau", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GuardianHome_OtherFamilysChild_IsNeverShown()
    {
        var territory = await app.CreateTerritoryAsync();
        await WriteEntryAsync(await app.SignInAsync(territory.TeacherB), territory.ClassB);

        var home = await PreauApp.GetPageAsync(await app.SignInAsync(territory.GuardianA), "/");

        Assert.DoesNotContain("Pierre", home.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Exercices 5 et 6", home.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PupilHome_TicksTheWorkDone_FromTheHomePage()
    {
        var territory = await app.CreateTerritoryAsync();
        await WriteEntryAsync(await app.SignInAsync(territory.TeacherA), territory.ClassA);
        var pupil = await app.SignInAsync(territory.PupilA);

        var ticked = await PreauApp.SubmitFormAsync(pupil, "/", new(), handler: "Done");
        var home = await PreauApp.GetPageAsync(pupil, "/");

        Assert.Equal(HttpStatusCode.Redirect, ticked.StatusCode);
        Assert.StartsWith("/#travail-", ticked.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Ma journée", home.QuerySelector(".family-day")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(home.QuerySelector(".family-day .work--done"));
    }

    [Fact]
    public async Task TeacherHome_TodaysLessons_LinkToRollCallAndToTheSessionsEntry()
    {
        var territory = await app.CreateTerritoryAsync();
        await app.AddSlotAsync(territory, territory.ClassA, territory.SchoolA, DayOfWeek.Monday, 10, "Mathématiques", territory.TeacherA.Id);
        var teacher = await app.SignInAsync(territory.TeacherA);

        var home = await PreauApp.GetPageAsync(teacher, "/");
        var links = home.QuerySelectorAll(".teacher-day a").Select(a => a.GetAttribute("href")!).ToList();

        Assert.Contains($"/appel?classe={territory.ClassA}&date={Today}&debut=10:00", links);
        var write = Assert.Single(links, l => l.Contains("nouvelle-seance", StringComparison.Ordinal));
        var saved = await PreauApp.SubmitFormAsync(teacher, write, new() { ["Input.Lesson"] = "Les nombres décimaux." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var entry = Assert.Single(await app.EntriesAsync(territory.Id, territory.ClassA));
        Assert.Equal("Mathématiques", entry.Subject);
        Assert.Equal(new TimeOnly(10, 0), entry.SessionStartsAt);
        var after = (await PreauApp.GetPageAsync(teacher, "/")).QuerySelectorAll(".teacher-day a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/cahier-de-textes/seance/{entry.Id}/modifier", after);
        Assert.Equal(HttpStatusCode.Redirect, (await teacher.GetAsync(write)).StatusCode);
    }

    [Fact]
    public async Task TeacherHome_NoTimetable_OffersTheClassesLogs()
    {
        var territory = await app.CreateTerritoryAsync();

        var home = await PreauApp.GetPageAsync(await app.SignInAsync(territory.TeacherB), "/");

        Assert.Contains("Pas de cours aujourd’hui.", home.QuerySelector(".teacher-day")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(home.QuerySelector($".teacher-day a[href='/cahier-de-textes/classe/{territory.ClassB}']"));
    }
}
