using System.Net.Http.Json;
using System.Text.Json;
using Preau.Identity.Audit;

namespace Preau.IntegrationTests.Identity;

/// <summary>The audit log viewer (issue #2, item 8), the home sections per profile (item 9) and the /api/v1 read endpoints.</summary>
public sealed class AdminAuditAndApiTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task AuditLog_FilteredByActionAndPerson_NewestFirstAndExportedAsCsv()
    {
        var territory = await app.CreateTerritoryAsync();
        var admin = await app.SignInAsync(territory.Admin);
        await PreauApp.SubmitFormAsync(admin, $"/administration/comptes/{territory.GuardianB.Id}", [], handler: "RevokeSessions");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await PreauApp.SubmitFormAsync(admin, $"/administration/comptes/{territory.GuardianB.Id}", [], handler: "RevokeSessions");

        var page = await PreauApp.GetPageAsync(admin, $"/administration/journal?action=SessionsRevoked&identifiant={territory.GuardianB.Login}");

        var rows = page.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(2, rows.Count);
        var times = rows.Select(r => r.QuerySelector("time")!.GetAttribute("datetime")!).ToList();
        Assert.True(string.CompareOrdinal(times[0], times[1]) > 0, "Newest first");
        Assert.All(rows, r => Assert.Contains("Gérard Élève", r.TextContent, StringComparison.Ordinal));
        var csv = await admin.GetAsync($"/administration/journal?action=SessionsRevoked&identifiant={territory.GuardianB.Login}&handler=Export");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"Sessions fermées\"", lines[1], StringComparison.Ordinal);
        var emptyPeriod = await PreauApp.GetPageAsync(admin, "/administration/journal?du=2001-01-01&au=2001-01-31");
        Assert.Empty(emptyPeriod.QuerySelectorAll("tbody tr"));
        var reversed = await PreauApp.GetPageAsync(admin, "/administration/journal?du=2026-12-01&au=2026-11-01");
        Assert.Contains("La fin de la période doit suivre son début.", reversed.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvCell_FormulaOrQuote_IsNeutralised()
    {
        Assert.Equal("\"'=HYPERLINK(\"\"x\"\")\"", SearchAuditLog.Cell("=HYPERLINK(\"x\")"));
        Assert.Equal("\"Connexion\"", SearchAuditLog.Cell("Connexion"));
    }

    [Fact]
    public async Task AuditLog_HeadOrAdministratorOfAnotherTerritory_SeesNothingOfIt()
    {
        var territory = await app.CreateTerritoryAsync();
        var other = await app.CreateTerritoryAsync();
        var head = await app.SignInAsync(territory.HeadA);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/administration/journal")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/administration/journal?handler=Export")).StatusCode);

        var otherAdmin = await app.SignInAsync(other.Admin);
        var page = await PreauApp.GetPageAsync(otherAdmin, $"/administration/journal?personne={territory.Admin.Id}");
        Assert.Empty(page.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task Home_EachProfile_GetsItsOwnSection()
    {
        var territory = await app.CreateTerritoryAsync();

        var admin = await PreauApp.GetPageAsync(await app.SignInAsync(territory.Admin), "/");
        Assert.Contains("responsables pas encore activés", admin.QuerySelector("#territory-admin-title")!.ParentElement!.TextContent, StringComparison.Ordinal);

        var head = await PreauApp.GetPageAsync(await app.SignInAsync(territory.HeadA), "/");
        var headSection = head.QuerySelector($"#head-{territory.SchoolA}")!.ParentElement!.TextContent;
        Assert.Contains("CM2 A", headSection, StringComparison.Ordinal);
        Assert.Contains("67 % des familles ont activé leur compte (2 sur 3)", headSection, StringComparison.Ordinal);

        var teacher = await PreauApp.GetPageAsync(await app.SignInAsync(territory.TeacherA), "/");
        Assert.Contains($"École A {territory.Slug}", teacher.QuerySelector("#staff-schools-title")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Null(teacher.QuerySelector("#territory-admin-title"));
    }

    [Fact]
    public async Task AdminPages_SwitchedToEnglish_AreTranslated()
    {
        var territory = await app.CreateTerritoryAsync();
        var admin = await app.SignInAsync(territory.Admin);

        var switched = await PreauApp.SubmitFormAsync(admin, "/administration/etablissements", new() { ["culture"] = "en" });

        Assert.Equal("/administration/etablissements", switched.Headers.Location?.OriginalString);
        var page = await PreauApp.GetPageAsync(admin, "/administration/etablissements");
        Assert.Equal("Schools", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Api_Schools_AdministratorSeesAllHeadOnlyTheirsAndOtherSchoolsAnswer404ProblemDetails()
    {
        var territory = await app.CreateTerritoryAsync();
        var admin = await app.SignInAsync(territory.Admin);
        var head = await app.SignInAsync(territory.HeadA);

        var all = await admin.GetFromJsonAsync<JsonElement>("/api/v1/schools");
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        var own = await head.GetFromJsonAsync<JsonElement>("/api/v1/schools");
        Assert.Equal(territory.SchoolA, own.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal(1, own.GetProperty("total").GetInt32());

        var other = await head.GetAsync($"/api/v1/schools/{territory.SchoolB}/classes");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType!.MediaType);
        Assert.Contains("n’existe pas ou vous n’y avez pas accès", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var classes = await head.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{territory.SchoolA}/classes");
        Assert.Equal("CM2 A", classes[0].GetProperty("name").GetString());
        Assert.Equal(2, classes[0].GetProperty("pupils").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/schools?page=0")).StatusCode);
    }

    [Fact]
    public async Task Api_Schools_TeacherGuardianAnonymousAndOtherTerritory_AreRefused()
    {
        var territory = await app.CreateTerritoryAsync();
        var other = await app.CreateTerritoryAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync(territory.TeacherA)).GetAsync("/api/v1/schools")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync(territory.GuardianA)).GetAsync($"/api/v1/schools/{territory.SchoolA}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateBrowserClient().GetAsync("/api/v1/schools")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(other.Admin)).GetAsync($"/api/v1/schools/{territory.SchoolA}")).StatusCode);
        var agentView = await (await app.SignInAsync(territory.Agent)).GetFromJsonAsync<JsonElement>($"/api/v1/schools/{territory.SchoolB}");
        Assert.Equal(territory.SchoolB, agentView.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Api_Me_GuardianSeesProfilesAndChildrenWithParentalAuthority()
    {
        var territory = await app.CreateTerritoryAsync();
        var guardian = await app.SignInAsync(territory.GuardianWithoutAuthorityA);

        var me = await guardian.GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal(territory.GuardianWithoutAuthorityA.Login, me.GetProperty("login").GetString());
        Assert.Equal("Guardian", me.GetProperty("profiles")[0].GetString());
        var child = me.GetProperty("children")[0];
        Assert.Equal("Paul", child.GetProperty("firstName").GetString());
        Assert.Equal("CM2 A", child.GetProperty("class").GetString());
        Assert.False(child.GetProperty("hasParentalAuthority").GetBoolean());
        Assert.False(me.TryGetProperty("email", out _));
    }
}
