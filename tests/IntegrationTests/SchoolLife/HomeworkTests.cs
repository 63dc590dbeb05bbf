using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Classes;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Homework;
using static Preau.IntegrationTests.SchoolLife.SchoolLifeArrangements;

namespace Preau.IntegrationTests.SchoolLife;

/// <summary>The homework log (cahier de textes): who writes, who reads, what families see, and bad input.</summary>
public sealed class HomeworkTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task WriteEntry_TeacherOfTheClass_FamiliesSeeItAndAreNotified()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);

        var response = await WriteEntryAsync(teacher, territory.ClassA);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await app.RunOutboxAsync();
        Assert.Equal(["CM2 A : nouveau travail à faire en Mathématiques"], await app.NotificationsAsync(territory.Id, territory.GuardianA.Id, NotifyHomeworkPublished.Category));
        Assert.Single(await app.NotificationsAsync(territory.Id, territory.PupilA.Id, NotifyHomeworkPublished.Category));
        Assert.Single(await app.NotificationsAsync(territory.Id, territory.GuardianWithoutAuthorityA.Id, NotifyHomeworkPublished.Category));
        Assert.Empty(await app.NotificationsAsync(territory.Id, territory.GuardianB.Id, NotifyHomeworkPublished.Category));
        var guardian = await app.SignInAsync(territory.GuardianA);
        var page = await MainTextAsync(guardian, $"/cahier-de-textes/eleve/{territory.PupilA.Id}");
        Assert.Contains("Exercices 5 et 6 page 42.", page, StringComparison.Ordinal);
        Assert.Contains("Nouveau", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteEntry_TeacherOfAnotherClass_Returns404AndSavesNothing()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacherB = await app.SignInAsync(territory.TeacherB);

        Assert.Equal(HttpStatusCode.NotFound, (await teacherB.GetAsync($"/cahier-de-textes/classe/{territory.ClassA}/nouvelle-seance")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teacherB.GetAsync($"/cahier-de-textes/classe/{territory.ClassA}")).StatusCode);
        var forged = await PostForgedAsync(teacherB, $"/cahier-de-textes/classe/{territory.ClassA}/nouvelle-seance", new()
        {
            ["Input.Id"] = Guid.NewGuid().ToString(),
            ["Input.Subject"] = "Intrusion",
            ["Input.SessionOn"] = Today,
            ["Input.Lesson"] = "Intrusion",
        });
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Empty(await app.EntriesAsync(territory.Id, territory.ClassA));
    }

    [Fact]
    public async Task WriteEntry_HeadOfTheSchoolAndOfAnotherSchool_OnlyTheirsWrites()
    {
        var territory = await app.CreateTerritoryAsync();
        var headA = await app.SignInAsync(territory.HeadA);
        var headB = await app.SignInAsync(territory.HeadB);

        Assert.Equal(HttpStatusCode.Redirect, (await WriteEntryAsync(headA, territory.ClassA)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await headB.GetAsync($"/cahier-de-textes/classe/{territory.ClassA}/nouvelle-seance")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await headB.GetAsync($"/cahier-de-textes/classe/{territory.ClassA}")).StatusCode);
    }

    [Fact]
    public async Task EditEntry_HeadReadingAnotherTeachersEntry_ReadsButCannotChangeIt()
    {
        var territory = await app.CreateTerritoryAsync();
        await WriteEntryAsync(await app.SignInAsync(territory.TeacherA), territory.ClassA);
        var entry = Assert.Single(await app.EntriesAsync(territory.Id, territory.ClassA));
        var head = await app.SignInAsync(territory.HeadA);
        var schoolLife = await app.SignInAsync(territory.SchoolLifeA);

        Assert.Contains("Exercices 5 et 6", await MainTextAsync(head, $"/cahier-de-textes/classe/{territory.ClassA}"), StringComparison.Ordinal);
        Assert.Contains("Exercices 5 et 6", await MainTextAsync(schoolLife, $"/cahier-de-textes/seance/{entry.Id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/cahier-de-textes/seance/{entry.Id}/modifier")).StatusCode);
    }

    [Fact]
    public async Task ReadHomework_OtherFamilyOtherClassOtherProfile_Returns404()
    {
        var territory = await app.CreateTerritoryAsync();
        await WriteEntryAsync(await app.SignInAsync(territory.TeacherB), territory.ClassB);
        var entryOfB = Assert.Single(await app.EntriesAsync(territory.Id, territory.ClassB));

        var guardianB = await app.SignInAsync(territory.GuardianB);
        var pupilA = await app.SignInAsync(territory.PupilA);
        var guardianA = await app.SignInAsync(territory.GuardianA);
        var agent = await app.SignInAsync(territory.Agent);

        Assert.Equal(HttpStatusCode.NotFound, (await guardianB.GetAsync($"/cahier-de-textes/eleve/{territory.PupilA.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pupilA.GetAsync($"/cahier-de-textes/eleve/{territory.PupilB.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pupilA.GetAsync($"/cahier-de-textes/seance/{entryOfB.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await guardianA.GetAsync($"/cahier-de-textes/seance/{entryOfB.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pupilA.GetAsync($"/cahier-de-textes/classe/{territory.ClassB}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await guardianB.GetAsync($"/cahier-de-textes/seance/{entryOfB.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/cahier-de-textes/eleve/{territory.PupilA.Id}")).StatusCode);
    }

    [Fact]
    public async Task ReadHomework_AccountOfAnotherTerritory_Returns404()
    {
        var territory = await app.CreateTerritoryAsync();
        var other = await app.CreateTerritoryAsync();
        await WriteEntryAsync(await app.SignInAsync(territory.TeacherA), territory.ClassA);
        var entry = Assert.Single(await app.EntriesAsync(territory.Id, territory.ClassA));
        var stranger = await app.SignInAsync(other.GuardianA);
        var strangerTeacher = await app.SignInAsync(other.HeadA);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/cahier-de-textes/eleve/{territory.PupilA.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/cahier-de-textes/seance/{entry.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerTeacher.GetAsync($"/cahier-de-textes/classe/{territory.ClassA}/nouvelle-seance")).StatusCode);
    }

    [Theory]
    [InlineData("2026-11-20", "La date pour laquelle le travail est à faire est passée.")]
    [InlineData("2026-12-23", "Ce jour tombe pendant les vacances scolaires.")]
    [InlineData("2026-11-28", "Ce jour tombe un week-end.")]
    [InlineData("2027-07-12", "Cette date n’est pas dans l’année scolaire de la classe.")]
    [InlineData("2026-13-45", "La valeur « 2026-13-45 » n’est pas valide.")]
    public async Task WriteEntry_BadDueDate_SaysWhyAndKeepsWhatWasTyped(string dueOn, string message)
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);

        var response = await WriteEntryAsync(teacher, territory.ClassA, new() { ["Input.DueOn"] = dueOn, ["Input.Work"] = "Un travail soigneusement rédigé" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PreauApp.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Un travail soigneusement rédigé", page.QuerySelector("textarea[name='Input.Work']")!.TextContent.Trim());
        Assert.Empty(await app.EntriesAsync(territory.Id, territory.ClassA));
    }

    [Fact]
    public async Task WriteEntry_TenMegabytesOfText_SaysTooLongWithoutError500()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);

        var response = await WriteEntryAsync(teacher, territory.ClassA, new() { ["Input.Lesson"] = new string('a', 10 * 1024 * 1024) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Le texte est trop long", PreauApp.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await app.EntriesAsync(territory.Id, territory.ClassA));
    }

    [Fact]
    public async Task WriteEntry_ScriptTagsAndEmptyForm_AreSanitisedOrRefused()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);

        var empty = await WriteEntryAsync(teacher, territory.ClassA, new() { ["Input.Subject"] = "", ["Input.Lesson"] = "", ["Input.Work"] = "", ["Input.DueOn"] = "" });
        var hostile = await WriteEntryAsync(teacher, territory.ClassA, new()
        {
            ["Input.Lesson"] = "<p>Leçon <img src=x onerror=alert(1)><script>alert('x')</script></p>",
            ["Input.Work"] = "<a href=\"javascript:alert(2)\">Lien</a> <strong>Exercice</strong>",
        });

        var errors = PreauApp.Parse(await empty.Content.ReadAsStringAsync()).QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Indiquez la matière.", errors, StringComparison.Ordinal);
        Assert.Contains("Écrivez ce qui a été fait en classe, ou le travail à faire.", errors, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, hostile.StatusCode);
        var entry = Assert.Single(await app.EntriesAsync(territory.Id, territory.ClassA));
        Assert.DoesNotContain("script", entry.LessonHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", entry.LessonHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript", entry.WorkHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<strong>Exercice</strong>", entry.WorkHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteEntry_SameFormSubmittedTwice_SavesOneEntry()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);
        var url = $"/cahier-de-textes/classe/{territory.ClassA}/nouvelle-seance";
        var form = (await PreauApp.GetPageAsync(teacher, url)).Forms.First(f => f.Elements.Any(e => e.GetAttribute("name") == "Input.Subject"));
        var fields = new Dictionary<string, string> { ["Input.Subject"] = "Français", ["Input.Lesson"] = "Dictée.", ["Input.Work"] = "", ["Input.DueOn"] = "" };

        var answers = await Task.WhenAll(PreauApp.PostFormAsync(teacher, url, form, fields), PreauApp.PostFormAsync(teacher, url, form, fields));

        Assert.All(answers, a => Assert.NotEqual(HttpStatusCode.InternalServerError, a.StatusCode));
        Assert.Single(await app.EntriesAsync(territory.Id, territory.ClassA));
    }

    [Fact]
    public async Task MarkDone_ByThePupil_GuardianSeesItAndTeacherCountsIt_ButNotByTheGuardian()
    {
        var territory = await app.CreateTerritoryAsync();
        await WriteEntryAsync(await app.SignInAsync(territory.TeacherA), territory.ClassA);
        var entry = Assert.Single(await app.EntriesAsync(territory.Id, territory.ClassA));
        var pupil = await app.SignInAsync(territory.PupilA);
        var guardian = await app.SignInAsync(territory.GuardianA);
        var pupilPage = $"/cahier-de-textes/eleve/{territory.PupilA.Id}";

        var byPupil = await PreauApp.SubmitFormAsync(pupil, pupilPage, new(), handler: "Done");
        var byGuardian = await PostForgedAsync(guardian, pupilPage + "?handler=Done", new() { ["entryId"] = entry.Id.ToString(), ["done"] = "false" });

        Assert.Equal(HttpStatusCode.Redirect, byPupil.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byGuardian.StatusCode);
        Assert.Contains("Fait", (await PreauApp.GetPageAsync(guardian, pupilPage)).QuerySelector($"#travail-{entry.Id}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Fait par 1 élève(s) sur 2", await MainTextAsync(await app.SignInAsync(territory.TeacherA), $"/cahier-de-textes/classe/{territory.ClassA}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PupilPage_SecondVisit_NoLongerMarksTheEntryNew()
    {
        var territory = await app.CreateTerritoryAsync();
        await WriteEntryAsync(await app.SignInAsync(territory.TeacherA), territory.ClassA);
        var guardian = await app.SignInAsync(territory.GuardianA);
        var url = $"/cahier-de-textes/eleve/{territory.PupilA.Id}";

        var first = await PreauApp.GetPageAsync(guardian, url);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await PreauApp.GetPageAsync(guardian, url);

        Assert.Single(first.QuerySelectorAll(".work .badge--info"));
        Assert.Empty(second.QuerySelectorAll(".work .badge--info"));
    }

    [Fact]
    public async Task GuardianWithoutParentalAuthority_SchoolWithdrawsTheRight_Returns404AndIsNotNotified()
    {
        var territory = await app.CreateTerritoryAsync();
        var head = await app.SignInAsync(territory.HeadA);
        var settings = await PreauApp.SubmitFormAsync(head, $"/emploi-du-temps/reglages/{territory.SchoolA}", new()
        {
            ["Input.GuardiansWithoutAuthoritySeeHomework"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, settings.StatusCode);

        await WriteEntryAsync(await app.SignInAsync(territory.TeacherA), territory.ClassA);
        await app.RunOutboxAsync();

        var withoutAuthority = await app.SignInAsync(territory.GuardianWithoutAuthorityA);
        Assert.Equal(HttpStatusCode.NotFound, (await withoutAuthority.GetAsync($"/cahier-de-textes/eleve/{territory.PupilA.Id}")).StatusCode);
        Assert.Empty(await app.NotificationsAsync(territory.Id, territory.GuardianWithoutAuthorityA.Id, NotifyHomeworkPublished.Category));
        Assert.Single(await app.NotificationsAsync(territory.Id, territory.GuardianA.Id, NotifyHomeworkPublished.Category));
    }

    [Fact]
    public async Task Attachment_PdfOfTheWork_ReadByTheFamilyNotByOthers_AndAProgramIsRefused()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);
        var url = $"/cahier-de-textes/classe/{territory.ClassA}/nouvelle-seance";

        var refused = await PostWithFileAsync(teacher, url, "programme.pdf", "MZ\u0090\0\u0003"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Ce type de fichier n’est pas accepté ici.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await PostWithFileAsync(teacher, url, "fiche d’exercices.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n%fiche\n"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var attachment = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<SchoolLifeDbContext>().HomeworkAttachments.SingleAsync());
        Assert.Equal("fiche d’exercices.pdf", attachment.FileName);

        var download = await (await app.SignInAsync(territory.GuardianA)).GetAsync($"/cahier-de-textes/piece-jointe/{attachment.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(territory.GuardianB)).GetAsync($"/cahier-de-textes/piece-jointe/{attachment.Id}")).StatusCode);
    }

    [Fact]
    public async Task PastYearLog_ReadByTheSchoolsStaff_ButNotWritable()
    {
        var territory = await app.CreateTerritoryAsync();
        var pastGroup = await app.InTerritoryAsync(territory.Id, async sp =>
        {
            var identity = sp.GetRequiredService<IdentityDbContext>();
            var year = new SchoolYear { Label = "2025-2026", StartsOn = new DateOnly(2025, 9, 1), EndsOn = new DateOnly(2026, 7, 4) };
            var group = new ClassGroup { SchoolId = territory.SchoolA, SchoolYearId = year.Id, Name = "CM1 2025", Level = "CM1", Kind = ClassGroupKind.Class, IsActive = false };
            identity.SchoolYears.Add(year);
            identity.ClassGroups.Add(group);
            await identity.SaveChangesAsync();
            var db = sp.GetRequiredService<SchoolLifeDbContext>();
            db.HomeworkEntries.Add(new HomeworkEntry
            {
                SchoolId = territory.SchoolA,
                SchoolYearId = year.Id,
                ClassGroupId = group.Id,
                AuthorId = territory.TeacherA.Id,
                Subject = "Histoire",
                SessionOn = new DateOnly(2026, 3, 10),
                LessonHtml = "<p>Les châteaux forts.</p>",
                PublishAt = new DateTime(2026, 3, 10, 16, 0, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
            return group.Id;
        });
        var teacher = await app.SignInAsync(territory.TeacherA);

        Assert.Contains("Les châteaux forts.", await MainTextAsync(teacher, $"/cahier-de-textes/classe/{pastGroup}"), StringComparison.Ordinal);
        Assert.Contains("CM1 2025", await MainTextAsync(await app.SignInAsync(territory.HeadA), "/cahier-de-textes"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(territory.HeadA)).GetAsync($"/cahier-de-textes/classe/{pastGroup}/nouvelle-seance")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(territory.TeacherB)).GetAsync($"/cahier-de-textes/classe/{pastGroup}")).StatusCode);
    }

    private static async Task<HttpResponseMessage> PostWithFileAsync(HttpClient client, string url, string fileName, byte[] bytes)
    {
        var page = await PreauApp.GetPageAsync(client, url);
        var form = page.Forms.First(f => f.Elements.Any(e => e.GetAttribute("name") == "Input.Subject"));
        var content = new MultipartFormDataContent();
        foreach (var element in form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Where(e => e.Type == "hidden" && !string.IsNullOrEmpty(e.Name)))
        {
            content.Add(new StringContent(element.Value), element.Name!);
        }

        content.Add(new StringContent("Sciences"), "Input.Subject");
        content.Add(new StringContent(SchoolLifeArrangements.Today), "Input.SessionOn");
        content.Add(new StringContent("Observer la fiche."), "Input.Work");
        content.Add(new StringContent(SchoolLifeArrangements.Tomorrow), "Input.DueOn");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "WorkFile", fileName);
        return await client.PostAsync(url, content);
    }
}
