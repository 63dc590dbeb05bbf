using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Data;

namespace Preau.IntegrationTests.SchoolLife;

/// <summary>Assessments over HTTP: marks and their publication, averages, rights, bad input; competencies and periodic reports; the API.</summary>
public sealed class AssessmentTests(PreauApp app) : IClassFixture<PreauApp>
{
    private async Task<TestTerritory> SecondaryAsync()
    {
        var territory = await app.CreateTerritoryAsync();
        await app.InTerritoryAsync(territory.Id, async sp =>
        {
            var db = sp.GetRequiredService<IdentityDbContext>();
            var assignment = await db.TeachingAssignments.SingleAsync(t => t.TeacherId == territory.TeacherA.Id);
            assignment.Subject = "Mathématiques";
            (await db.ClassGroups.SingleAsync(c => c.Id == territory.ClassA)).Level = "5e";
            return await db.SaveChangesAsync();
        });
        return territory;
    }

    private static async Task<Guid> CreateAsync(HttpClient teacher, TestTerritory territory, string title, string scale, string coefficient)
    {
        var response = await PreauApp.SubmitFormAsync(teacher, $"/evaluations/groupe/{territory.ClassA}", new()
        {
            ["Input.Subject"] = "Mathématiques",
            ["Input.Title"] = title,
            ["Input.Date"] = "2026-11-20",
            ["Input.Scale"] = scale,
            ["Input.Coefficient"] = coefficient,
        });
        return SchoolLifeArrange.IdFromLocation(response);
    }

    private static Task<HttpResponseMessage> MarkAsync(HttpClient teacher, TestTerritory territory, Guid assessmentId, string pupilA, string pupilA2, bool publish = true)
    {
        var fields = new Dictionary<string, string>
        {
            [$"Value[{territory.PupilA.Id}]"] = pupilA,
            [$"Value[{territory.PupilA2.Id}]"] = pupilA2 == "absent" ? string.Empty : pupilA2,
            [$"Status[{territory.PupilA2.Id}]"] = pupilA2 == "absent" ? "Absent" : "Graded",
        };
        if (publish)
        {
            fields["Publish"] = "true";
        }

        return PreauApp.SubmitFormAsync(teacher, $"/evaluations/{assessmentId}", fields);
    }

    [Fact]
    public async Task HomePage_NewMarks_TheChildsPublishedMarksOnly()
    {
        var territory = await SecondaryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);
        var published = await CreateAsync(teacher, territory, "Fractions", "20", "2");
        var draft = await CreateAsync(teacher, territory, "Géométrie", "20", "1");
        await MarkAsync(teacher, territory, published, "15", "12");
        await MarkAsync(teacher, territory, draft, "9", "8", publish: false);

        var home = PreauApp.Parse(await (await app.SignInAsync(territory.GuardianA)).GetStringAsync("/"));

        var marks = home.QuerySelector("#marks-home-title")!.ParentElement!.TextContent;
        Assert.Contains("Mathématiques : Fractions", marks, StringComparison.Ordinal);
        Assert.Contains("15/20", marks, StringComparison.Ordinal);
        Assert.DoesNotContain("12/20", marks, StringComparison.Ordinal); // Pauline's mark, another family's child
        Assert.DoesNotContain("Géométrie", marks, StringComparison.Ordinal);
        Assert.Contains("12/20", PreauApp.Parse(await (await app.SignInAsync(territory.PupilA2)).GetStringAsync("/")).QuerySelector("#marks-home-title")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Null(PreauApp.Parse(await (await app.SignInAsync(territory.GuardianB)).GetStringAsync("/")).QuerySelector("#marks-home-title"));
    }

    [Fact]
    public async Task Marks_PublishedByTheTeacher_FamilySeesAveragesAndClassSpread_OthersGet404()
    {
        var territory = await SecondaryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);
        var first = await CreateAsync(teacher, territory, "Fractions", "20", "2");
        var second = await CreateAsync(teacher, territory, "Calcul mental", "10", "1");

        Assert.Equal(HttpStatusCode.Redirect, (await MarkAsync(teacher, territory, first, "15", "absent", publish: false)).StatusCode);
        var guardian = await app.SignInAsync(territory.GuardianA);
        Assert.Contains("Aucune note publiée sur cette période.", await guardian.GetStringAsync($"/evaluations/eleve/{territory.PupilA.Id}"), StringComparison.Ordinal);

        await MarkAsync(teacher, territory, first, "15", "absent");
        await MarkAsync(teacher, territory, second, "7,5", "5");
        await app.RunOutboxAsync();

        Assert.Contains("Nouvelle note en Mathématiques : Fractions", await app.NotificationsOfAsync(territory, territory.GuardianA));
        Assert.Contains("Nouvelle note en Mathématiques : Calcul mental", await app.NotificationsOfAsync(territory, territory.PupilA));
        var report = PreauApp.Parse(await guardian.GetStringAsync($"/evaluations/eleve/{territory.PupilA.Id}"));
        var row = report.QuerySelectorAll(".report-table tbody tr").Single();
        var numbers = row.QuerySelectorAll("td.number").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["15,00", "12,50", "10,00", "15,00"], numbers);
        Assert.Contains("absent", PreauApp.Parse(await (await app.SignInAsync(territory.PupilA2)).GetStringAsync($"/evaluations/eleve/{territory.PupilA2.Id}")).QuerySelector(".report-table")!.TextContent, StringComparison.Ordinal);

        var other = await app.CreateTerritoryAsync();
        foreach (var account in new[] { territory.PupilA2, territory.GuardianB, territory.TeacherB, territory.HeadB, other.GuardianA })
        {
            var client = await app.SignInAsync(account);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/evaluations/eleve/{territory.PupilA.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/pupils/{territory.PupilA.Id}/marks")).StatusCode);
        }

        foreach (var account in new[] { territory.TeacherB, territory.HeadB, territory.GuardianA })
        {
            var client = await app.SignInAsync(account);
            Assert.True((await client.GetAsync($"/evaluations/{first}")).StatusCode is HttpStatusCode.NotFound, account.Login);
        }
    }

    [Fact]
    public async Task Marks_OutOfScaleNegativeOrMalformed_FrenchMessagesAndSavedMarksKept()
    {
        var territory = await SecondaryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);
        var assessment = await CreateAsync(teacher, territory, "Géométrie", "20", "1");
        await MarkAsync(teacher, territory, assessment, "12", "14", publish: false);

        foreach (var (value, message) in new[] { ("25", "Une note ne peut pas dépasser le barème."), ("-1", "Une note ne peut pas être négative."), ("douze", "n’est pas une note"), ("12,345", "Une note a au plus deux décimales."), ("<script>", "n’est pas une note") })
        {
            var response = await MarkAsync(teacher, territory, assessment, value, "14", publish: false);
            var page = PreauApp.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>", page.Body!.InnerHtml, StringComparison.Ordinal);
        }

        var saved = await app.QueryAsync(territory, db => db.Marks.Where(m => m.PupilId == territory.PupilA.Id).Select(m => m.Value).SingleAsync());
        Assert.Equal(12m, saved);
    }

    [Fact]
    public async Task CreateAssessment_BadInputOrNotTheirClass_MessagesOr404()
    {
        var territory = await SecondaryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);

        var bad = await PreauApp.SubmitFormAsync(teacher, $"/evaluations/groupe/{territory.ClassA}", new()
        {
            ["Input.Subject"] = "Histoire",
            ["Input.Title"] = new string('x', 300),
            ["Input.Date"] = "2030-01-01",
            ["Input.Scale"] = "0",
            ["Input.Coefficient"] = "-2",
        });
        var summary = PreauApp.Parse(await bad.Content.ReadAsStringAsync()).QuerySelector(".error-summary")!.TextContent;
        foreach (var message in new[] { "Choisissez une matière que vous enseignez dans ce groupe.", "Le titre ne dépasse pas 200 caractères.", "La date doit être dans l’année scolaire du groupe.", "Le barème est un nombre entier de 1 à 100.", "Le coefficient est supérieur à 0" })
        {
            Assert.Contains(message, summary, StringComparison.Ordinal);
        }

        var teacherB = await app.SignInAsync(territory.TeacherB);
        Assert.Equal(HttpStatusCode.NotFound, (await teacherB.GetAsync($"/evaluations/groupe/{territory.ClassA}")).StatusCode);
        var guardian = await app.SignInAsync(territory.GuardianA);
        Assert.Equal(HttpStatusCode.Forbidden, (await guardian.GetAsync($"/evaluations/groupe/{territory.ClassA}")).StatusCode);
        Assert.Equal(0, await app.QueryAsync(territory, db => db.Assessments.CountAsync()));
    }

    [Fact]
    public async Task Competencies_TeacherAssessesAndSharesTheReport_BothGuardiansAcknowledge_SchoolMayNarrowNonCustodialAccess()
    {
        var territory = await app.CreateTerritoryAsync();
        var admin = await app.SignInAsync(territory.Admin);
        var import = await SchoolLifeArrange.PostWithTokenAsync(admin, "/evaluations/referentiel", "/evaluations/referentiel/Default", []);
        Assert.True(import.StatusCode == HttpStatusCode.Redirect, PreauApp.Parse(await import.Content.ReadAsStringAsync()).QuerySelector("main")?.TextContent);
        var competency = await app.QueryAsync(territory, db => db.Competencies.Where(c => c.Cycle == 3).OrderBy(c => c.Order).Select(c => c.Id).FirstAsync());

        var teacher = await app.SignInAsync(territory.TeacherA);
        var page = $"/evaluations/competences/{territory.ClassA}?eleve={territory.PupilA.Id}&periode=1";
        var assessed = await SchoolLifeArrange.SubmitHandlerAsync(teacher, page, "Assess", new() { [$"Levels[{competency}]"] = "Exceeded", ["Date"] = "2026-11-20" });
        Assert.Equal(HttpStatusCode.Redirect, assessed.StatusCode);
        var shared = await SchoolLifeArrange.SubmitHandlerAsync(teacher, page, "Report", new() { ["Appreciation"] = "Très bon trimestre.", ["Share"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);
        await app.RunOutboxAsync();
        Assert.Contains("Bilan périodique de Paul à consulter", await app.NotificationsOfAsync(territory, territory.GuardianA));

        foreach (var account in new[] { territory.GuardianA, territory.GuardianWithoutAuthorityA })
        {
            var guardian = await app.SignInAsync(account);
            var view = await guardian.GetStringAsync($"/evaluations/eleve/{territory.PupilA.Id}?periode=1");
            Assert.Contains("Très bon trimestre.", view, StringComparison.Ordinal);
            Assert.Contains("Dépassé", view, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, (await SchoolLifeArrange.SubmitHandlerAsync(guardian, $"/evaluations/eleve/{territory.PupilA.Id}?periode=1", "Acknowledge", [])).StatusCode);
        }

        Assert.Equal(2, await app.QueryAsync(territory, db => db.PeriodReportAcknowledgements.CountAsync()));
        var head = await app.SignInAsync(territory.HeadA);
        var settings = await PreauApp.SubmitFormAsync(head, "/vie-scolaire/reglages", new() { ["Input.NonCustodialSeeAssessments"] = "false" });
        Assert.True(settings.StatusCode == HttpStatusCode.Redirect, PreauApp.Parse(await settings.Content.ReadAsStringAsync()).QuerySelector(".error-summary")?.TextContent);
        var stored = await app.QueryAsync(territory, db => db.SchoolLifeSettings.AsNoTracking().ToListAsync());
        Assert.True(stored.Count == 1 && !stored[0].NonCustodialSeeAssessments && stored[0].SchoolId == territory.SchoolA, $"{stored.Count} {string.Join(",", stored.Select(s => s.NonCustodialSeeAssessments))}");
        var narrowed = await app.SignInAsync(territory.GuardianWithoutAuthorityA);
        Assert.Equal(HttpStatusCode.NotFound, (await narrowed.GetAsync($"/evaluations/eleve/{territory.PupilA.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAsync(territory.GuardianA)).GetAsync($"/evaluations/eleve/{territory.PupilA.Id}")).StatusCode);
    }

    [Fact]
    public async Task Curriculum_BadFiles_SayWhichLineAndChangeNothing_OnlyAdministrators()
    {
        var territory = await app.CreateTerritoryAsync();
        var admin = await app.SignInAsync(territory.Admin);

        var header = await SchoolLifeArrange.PostMultipartAsync(admin, "/evaluations/referentiel", "/evaluations/referentiel", [], "Upload", "r.csv", "a;b\n1;x"u8.ToArray());
        Assert.Contains("La première ligne doit être : cycle;domaine;code;competence.", await header.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var lines = await SchoolLifeArrange.PostMultipartAsync(admin, "/evaluations/referentiel", "/evaluations/referentiel", [], "Upload", "r.csv",
            "cycle;domaine;code;competence\n4;Français;C4-1;Lire\n2;Français;C2 X;Lire\n2;\"Français; oral\";C2-1;\"Dire \"\"bonjour\"\"\"\n2;Français;C2-1;Encore"u8.ToArray());
        var text = await lines.Content.ReadAsStringAsync();
        Assert.Contains("Ligne 2 : le cycle est 1, 2 ou 3.", text, StringComparison.Ordinal);
        Assert.Contains("Ligne 3 : le code est obligatoire", text, StringComparison.Ordinal);
        Assert.Contains("Ligne 5 : le code C2-1 apparaît deux fois.", text, StringComparison.Ordinal);
        var binary = await SchoolLifeArrange.PostMultipartAsync(admin, "/evaluations/referentiel", "/evaluations/referentiel", [], "Upload", "r.csv", SchoolLifeArrange.Pdf);
        Assert.Contains("Ce type de fichier n’est pas accepté ici.", await binary.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(territory, db => db.Competencies.CountAsync()));

        var head = await app.SignInAsync(territory.HeadA);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/evaluations/referentiel")).StatusCode);
    }

    [Fact]
    public async Task Api_ChildRecords_GuardianReadsThemAsJson_OthersGet404Problem_AnonymousGets401()
    {
        var territory = await SecondaryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);
        await PreauApp.SubmitFormAsync(teacher, $"/appel?classe={territory.ClassA}&date=2026-11-23&debut=08:30", new() { [$"Presence[{territory.PupilA.Id}]"] = "Absent" });
        var assessment = await CreateAsync(teacher, territory, "Équations", "20", "1");
        await MarkAsync(teacher, territory, assessment, "13,5", "9");
        await PreauApp.SubmitFormAsync(teacher, "/carnet/nouveau", new() { ["Input.Audience"] = $"pupil:{territory.PupilA.Id}", ["Input.Title"] = "Rendez-vous", ["Input.Body"] = "Pouvez-vous passer ?" });

        var guardian = await app.SignInAsync(territory.GuardianA);
        var absences = await guardian.GetFromJsonAsync<JsonElement>($"/api/v1/pupils/{territory.PupilA.Id}/absences");
        Assert.Equal("Absent", absences.GetProperty("items")[0].GetProperty("kind").GetString());
        Assert.Equal("Missing", absences.GetProperty("items")[0].GetProperty("justification").GetString());
        var marks = await guardian.GetFromJsonAsync<JsonElement>($"/api/v1/pupils/{territory.PupilA.Id}/marks");
        Assert.Equal(13.5m, marks.GetProperty("subjects")[0].GetProperty("average").GetDecimal());
        Assert.Equal(11.25m, marks.GetProperty("subjects")[0].GetProperty("classAverage").GetDecimal());
        var notes = await guardian.GetFromJsonAsync<JsonElement>($"/api/v1/pupils/{territory.PupilA.Id}/notes");
        Assert.Equal("Rendez-vous", notes[0].GetProperty("title").GetString());

        var pupil = await app.SignInAsync(territory.PupilA);
        Assert.Equal(HttpStatusCode.OK, (await pupil.GetAsync($"/api/v1/pupils/{territory.PupilA.Id}/marks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await pupil.GetAsync($"/api/v1/pupils/{territory.PupilA.Id}/notes")).StatusCode);
        foreach (var account in new[] { territory.GuardianB, territory.PupilA2, territory.TeacherB })
        {
            var client = await app.SignInAsync(account);
            var response = await client.GetAsync($"/api/v1/pupils/{territory.PupilA.Id}/absences");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Contains("Introuvable.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateBrowserClient().GetAsync($"/api/v1/pupils/{territory.PupilA.Id}/absences")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await guardian.GetAsync($"/api/v1/pupils/{Guid.NewGuid()}/absences")).StatusCode);
    }
}
