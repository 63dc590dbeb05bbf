using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Data;
using Preau.Identity.Imports;
using static Preau.IntegrationTests.Identity.ImportsPages;

namespace Preau.IntegrationTests.Identity;

/// <summary>Who may import and see imports: the territory administrator, a head for their school; nobody else (404 for a run).</summary>
public sealed class ImportsAccessTests(PreauApp app) : IClassFixture<PreauApp>
{
    public static TheoryData<string> OtherProfiles() => ["TeacherA", "GuardianA", "PupilA", "SchoolLifeA", "AfterSchoolA", "Agent", "Elected"];

    [Theory]
    [MemberData(nameof(OtherProfiles))]
    public async Task ImportPages_ProfileWithoutTheRight_RefusedAndRunNotFound(string profile)
    {
        var territory = await app.CreateTerritoryAsync();
        var runId = await AnalysedRunAsync(territory, territory.Admin, school: null);
        var account = (TestAccount)typeof(TestTerritory).GetProperty(profile)!.GetValue(territory)!;
        var client = await app.SignInAsync(account);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/imports")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/imports/nouveau")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/imports/{runId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/imports/{runId}?handler=Progress")).StatusCode);
        var home = await PreauApp.GetPageAsync(client, "/");
        Assert.Null(home.QuerySelector("nav.main-nav a[href='/imports']"));
    }

    [Fact]
    public async Task ImportRun_OfAnotherTerritory_NotFoundEvenToItsAdministrator()
    {
        var mine = await app.CreateTerritoryAsync();
        var other = await app.CreateTerritoryAsync();
        var runId = await AnalysedRunAsync(other, other.Admin, school: null);
        var client = await app.SignInAsync(mine.Admin);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/imports/{runId}")).StatusCode);
        var history = await PreauApp.GetPageAsync(client, "/imports");
        Assert.DoesNotContain(runId.ToString(), history.Body!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportRun_OfAnotherSchool_NotFoundToTheHeadAndNotApplied()
    {
        var territory = await app.CreateTerritoryAsync();
        var runOfB = await AnalysedRunAsync(territory, territory.HeadB, school: await UaiAsync(app, territory.Id, territory.SchoolB));
        var headA = await app.SignInAsync(territory.HeadA);
        var page = await PreauApp.GetPageAsync(await app.SignInAsync(territory.HeadB), $"/imports/{runOfB}");
        var applyForm = page.Forms.Single(f => f.Action.Contains("handler=Apply", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, (await headA.GetAsync($"/imports/{runOfB}")).StatusCode);
        // Head A replays head B's form with head A's own session and token: not found, nothing applied.
        var ownToken = (await PreauApp.GetPageAsync(headA, "/imports/nouveau")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var replay = await headA.PostAsync(applyForm.Action, new FormUrlEncodedContent([new("__RequestVerificationToken", ownToken)]));
        Assert.Equal(HttpStatusCode.NotFound, replay.StatusCode);
        Assert.Equal(ImportStatus.Analysed, (await RunAsync(app, territory.Id, runOfB)).Status);
        var history = await PreauApp.GetPageAsync(headA, "/imports");
        Assert.DoesNotContain(runOfB.ToString(), history.Body!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportRun_OfTheHeadsSchool_VisibleToTheAdministratorToo()
    {
        var territory = await app.CreateTerritoryAsync();
        var runOfA = await AnalysedRunAsync(territory, territory.HeadA, school: await UaiAsync(app, territory.Id, territory.SchoolA));
        var admin = await app.SignInAsync(territory.Admin);

        var page = await PreauApp.GetPageAsync(admin, $"/imports/{runOfA}");

        Assert.Contains("École A", page.QuerySelector(".summary-list")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportRun_HeadOfTheTerritoryWideRun_NotFound()
    {
        var territory = await app.CreateTerritoryAsync();
        var runId = await AnalysedRunAsync(territory, territory.Admin, school: null);
        var head = await app.SignInAsync(territory.HeadA);

        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/imports/{runId}")).StatusCode);
    }

    [Fact]
    public async Task ImportPages_Anonymous_SentToSignIn()
    {
        var client = app.CreateBrowserClient();

        var response = await client.GetAsync("/imports/nouveau");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/connexion", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private async Task<Guid> AnalysedRunAsync(TestTerritory territory, TestAccount by, string? school)
    {
        var uai = school ?? await UaiAsync(app, territory.Id, territory.SchoolA);
        var client = await app.SignInAsync(by);
        var runId = await UploadRunAsync(client, "eleves.csv", Utf8(FrenchCsv(uai)), school);
        await app.RunImportsAsync();
        Assert.Equal(ImportStatus.Analysed, await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().ImportRuns.Where(r => r.Id == runId).Select(r => r.Status).SingleAsync()));
        return runId;
    }
}

/// <summary>The import pages' script, stylesheet and CSV model are static files of the Identity module.</summary>
public sealed class ImportsAssetsTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Theory]
    [InlineData("/_content/Preau.Identity/imports/imports.js", "data-import-progress")]
    [InlineData("/_content/Preau.Identity/imports/imports.css", ".import-progress")]
    [InlineData("/_content/Preau.Identity/imports/modele-import-eleves.csv", "uai;classe;niveau;nom;prenom;date_naissance;ine")]
    public async Task Asset_Requested_Served(string path, string content)
    {
        var response = await app.CreateBrowserClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(content, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
