using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Data;
using Preau.Identity.Imports;
using static Preau.IntegrationTests.Identity.ImportsPages;

namespace Preau.IntegrationTests.Identity;

/// <summary>
/// /api/v1/imports, for integrations: the file as the request body, the dry-run report, the rejected lines,
/// the application; who may use it (an import that is not the caller's is not found); malformed bodies get
/// French problem details, never a 500. The deployment's upload limit is 1 MB.
/// </summary>
public sealed class ImportsApiTests(ImportsLimitsTests.SmallLimitsApp app) : IClassFixture<ImportsLimitsTests.SmallLimitsApp>
{
    [Fact]
    public async Task ImportsApi_AdminPostsFrenchCsv_DryRunReportRejectionsThenApplyCreatesPupils()
    {
        var territory = await app.CreateTerritoryAsync();
        var uai = await UaiAsync(app, territory.Id, territory.SchoolA);
        var client = await app.SignInAsync(territory.Admin);

        using var posted = await PostFileAsync(client, Utf8(FrenchCsv(uai, extraLines: $"{uai};CM2 Import;CM2;Erreur;Zoé;01/01/2016;12345;2026-2027;;;;;;;;;;;;")), query: "?fileName=eleves.csv");

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var started = (await posted.Content.ReadFromJsonAsync<ImportResponse>())!;
        Assert.Equal($"/api/v1/imports/{started.Id}", posted.Headers.Location!.OriginalString);
        Assert.Equal(("eleves.csv", "FrenchCsv", "Analysing", (string?)null), (started.FileName, started.Format, started.Status, started.SchoolUai));

        var analysed = await UntilAsync(client, started.Id, "Analysed");
        Assert.Equal((4, 1), (analysed.LinesRead, analysed.LinesRejected));
        Assert.Equal(new ImportChangeResponse(3, 0, 0, 0), analysed.Changes["Pupils"]);
        Assert.Equal(new ImportChangeResponse(3, 0, 0, 0), analysed.Changes["Guardians"]);
        Assert.Equal(new ImportChangeResponse(4, 0, 0, 0), analysed.Changes["GuardianLinks"]);
        Assert.Empty(analysed.Problems);
        Assert.Equal(0, await ImportedPupilsAsync(territory.Id));

        var rejections = (await client.GetFromJsonAsync<ImportRejectionsResponse>($"/api/v1/imports/{started.Id}/rejections"))!;
        Assert.Equal((1, 1, 1), (rejections.Page, rejections.PageCount, rejections.Total));
        Assert.Equal(new ImportRejectionResponse("eleves.csv", 5, "ine", "Identifiant national élève (INE) invalide : 11 caractères, 10 chiffres et une lettre ou 9 chiffres et deux lettres."), rejections.Items.Single());

        using var apply = await client.PostAsync($"/api/v1/imports/{started.Id}/apply", null);
        Assert.Equal(HttpStatusCode.Accepted, apply.StatusCode);
        Assert.Equal("Applying", (await apply.Content.ReadFromJsonAsync<ImportResponse>())!.Status);
        var applied = await UntilAsync(client, started.Id, "Applied");
        Assert.NotNull(applied.AppliedAt);
        Assert.Equal(new ImportChangeResponse(3, 0, 0, 0), applied.Changes["Pupils"]);
        Assert.Equal(3, await ImportedPupilsAsync(territory.Id));

        using var again = await client.PostAsync($"/api/v1/imports/{started.Id}/apply", null);
        var conflict = await ProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal("Cet import n’est plus prêt à être appliqué (il l’a peut-être déjà été) : voici son état actuel.", conflict.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ImportsApi_NameInContentDispositionAndZipBody_OneRosterRun()
    {
        var territory = await app.CreateTerritoryAsync();
        var (uaiA, uaiB) = (await UaiAsync(app, territory.Id, territory.SchoolA), await UaiAsync(app, territory.Id, territory.SchoolB));
        var client = await app.SignInAsync(territory.Admin);
        using var content = new ByteArrayContent(ImportsOneRoster.Zip(ImportsOneRoster.Files(uaiA, uaiB)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = "export-siècle.zip" };

        using var posted = await client.PostAsync("/api/v1/imports", content);

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var started = (await posted.Content.ReadFromJsonAsync<ImportResponse>())!;
        Assert.Equal(("export-siècle.zip", "OneRoster"), (started.FileName, started.Format));
        var analysed = await UntilAsync(client, started.Id, "Analysed");
        Assert.Equal(new ImportChangeResponse(3, 0, 0, 0), analysed.Changes["Pupils"]);
        Assert.Equal(new ImportChangeResponse(2, 0, 0, 0), analysed.Changes["Teachers"]);
    }

    [Fact]
    public async Task ImportsApi_HeadIntoTheirSchool_AcceptedElsewhereRefused()
    {
        var territory = await app.CreateTerritoryAsync();
        var (uaiA, uaiB) = (await UaiAsync(app, territory.Id, territory.SchoolA), await UaiAsync(app, territory.Id, territory.SchoolB));
        var headA = await app.SignInAsync(territory.HeadA);
        var file = Utf8(FrenchCsv(uaiA));

        using var own = await PostFileAsync(headA, file, query: $"?school={uaiA.ToLowerInvariant()}");
        using var otherSchool = await PostFileAsync(headA, file, query: $"?school={uaiB}");
        using var wholeTerritory = await PostFileAsync(headA, file);

        Assert.Equal(HttpStatusCode.Accepted, own.StatusCode);
        Assert.Equal(uaiA, (await own.Content.ReadFromJsonAsync<ImportResponse>())!.SchoolUai);
        Assert.Equal("Aucun établissement actif du territoire n’a ce code UAI, ou vous ne pouvez pas y importer.", (await ProblemAsync(otherSchool, HttpStatusCode.NotFound)).GetProperty("title").GetString());
        Assert.StartsWith("Précisez l’établissement", (await ProblemAsync(wholeTerritory, HttpStatusCode.Forbidden)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await RunsAsync(territory.Id));
    }

    [Fact]
    public async Task ImportsApi_RunOfAnotherSchool_NotFoundToTheHeadAndNotApplied()
    {
        var territory = await app.CreateTerritoryAsync();
        var uaiB = await UaiAsync(app, territory.Id, territory.SchoolB);
        var runOfB = await AnalysedRunAsync(await app.SignInAsync(territory.HeadB), uaiB, $"?school={uaiB}");
        var headA = await app.SignInAsync(territory.HeadA);

        await AssertNotFoundAsync(headA, runOfB);
        Assert.Equal(ImportStatus.Analysed, (await RunAsync(app, territory.Id, runOfB)).Status);
    }

    [Fact]
    public async Task ImportsApi_TerritoryWideRun_NotFoundToAHeadVisibleToTheAdministrator()
    {
        var territory = await app.CreateTerritoryAsync();
        var uai = await UaiAsync(app, territory.Id, territory.SchoolA);
        var admin = await app.SignInAsync(territory.Admin);
        var runId = await AnalysedRunAsync(admin, uai);

        await AssertNotFoundAsync(await app.SignInAsync(territory.HeadA), runId);
        Assert.Equal("Analysed", (await admin.GetFromJsonAsync<ImportResponse>($"/api/v1/imports/{runId}"))!.Status);
    }

    [Fact]
    public async Task ImportsApi_RunOfAnotherTerritory_NotFoundEvenToItsAdministrator()
    {
        var mine = await app.CreateTerritoryAsync();
        var other = await app.CreateTerritoryAsync();
        var runId = await AnalysedRunAsync(await app.SignInAsync(other.Admin), await UaiAsync(app, other.Id, other.SchoolA));
        var admin = await app.SignInAsync(mine.Admin);

        await AssertNotFoundAsync(admin, runId);
        using var intoOtherSchool = await PostFileAsync(admin, Utf8(FrenchCsv("0750655E")), query: $"?school={await UaiAsync(app, other.Id, other.SchoolA)}");
        await ProblemAsync(intoOtherSchool, HttpStatusCode.NotFound);
        Assert.Equal(ImportStatus.Analysed, (await RunAsync(app, other.Id, runId)).Status);
    }

    public static TheoryData<string> ProfilesWithoutTheRight() => ["TeacherA", "GuardianA", "PupilA", "SchoolLifeA"];

    [Theory]
    [MemberData(nameof(ProfilesWithoutTheRight))]
    public async Task ImportsApi_ProfileWithoutTheRight_UploadForbiddenRunNotFound(string profile)
    {
        var territory = await app.CreateTerritoryAsync();
        var uai = await UaiAsync(app, territory.Id, territory.SchoolA);
        var runId = await AnalysedRunAsync(await app.SignInAsync(territory.Admin), uai);
        var client = await app.SignInAsync((TestAccount)typeof(TestTerritory).GetProperty(profile)!.GetValue(territory)!);

        using var upload = await PostFileAsync(client, Utf8(FrenchCsv(uai)), query: $"?school={uai}");

        await ProblemAsync(upload, HttpStatusCode.Forbidden);
        await AssertNotFoundAsync(client, runId);
        Assert.Equal(1, await RunsAsync(territory.Id));
    }

    [Fact]
    public async Task ImportsApi_Anonymous_Unauthorized()
    {
        var client = app.CreateBrowserClient();

        using var upload = await PostFileAsync(client, Utf8("uai;classe\n"));
        using var run = await client.GetAsync($"/api/v1/imports/{Guid.NewGuid()}");

        await ProblemAsync(upload, HttpStatusCode.Unauthorized);
        await ProblemAsync(run, HttpStatusCode.Unauthorized);
    }

    public static TheoryData<byte[], string, string> UnreadableBodies() => new()
    {
        { [], "text/csv", "Le fichier est vide." },
        { [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x03], "application/octet-stream", "Ce fichier n’est ni une archive zip OneRoster ni un fichier CSV." },
        { [0xFF, 0xFE, 0x75, 0x00, 0x61, 0x00, 0x69, 0x00], "text/csv", "Le fichier « eleves.csv » est en UTF-16 : enregistrez-le au format « CSV UTF-8 »." },
        { "%PDF-1.7\n"u8.ToArray(), "application/octet-stream", "Ce type de fichier n’est pas accepté ici." },
    };

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task ImportsApi_UnreadableBody_FrenchProblemNothingStored(byte[] body, string contentType, string message)
    {
        var territory = await app.CreateTerritoryAsync();
        var client = await app.SignInAsync(territory.Admin);

        using var response = await PostFileAsync(client, body, contentType, "?fileName=eleves.csv");

        Assert.Equal(message, (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        Assert.Equal(0, await RunsAsync(territory.Id));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task ImportsApi_BodyNotAFile_UnsupportedMediaTypeInFrench(string? contentType)
    {
        var territory = await app.CreateTerritoryAsync();
        var client = await app.SignInAsync(territory.Admin);
        using var content = new ByteArrayContent(Utf8("{\"uai\": \"0750655E\"}"));
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);

        using var response = await client.PostAsync("/api/v1/imports", content);

        Assert.StartsWith("Envoyez le fichier comme corps de la requête", (await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await RunsAsync(territory.Id));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ImportsApi_BodyOverTheLimit_PayloadTooLargeInFrench(bool lengthAnnounced)
    {
        var territory = await app.CreateTerritoryAsync();
        var client = await app.SignInAsync(territory.Admin);
        var bytes = Encoding.ASCII.GetBytes(new string('a', (1024 * 1024) + 1));
        // Without a Content-Length (chunked), the limit is checked while the body is read.
        using HttpContent content = lengthAnnounced ? new ByteArrayContent(bytes) : new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        using var response = await client.PostAsync("/api/v1/imports", content);

        Assert.Equal("Le fichier dépasse la taille maximale de 1 Mo.", (await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge)).GetProperty("detail").GetString());
        Assert.Equal(0, await RunsAsync(territory.Id));
    }

    [Fact]
    public async Task ImportsApi_BrokenZip_FailedRunWithTheFrenchProblem()
    {
        var territory = await app.CreateTerritoryAsync();
        var client = await app.SignInAsync(territory.Admin);
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        "PK\u0003\u0004"u8.CopyTo(garbage);

        using var posted = await PostFileAsync(client, garbage, "application/zip", "?fileName=export.zip");
        var started = (await posted.Content.ReadFromJsonAsync<ImportResponse>())!;
        var failed = await UntilAsync(client, started.Id, "Failed");

        Assert.Equal(["L’archive zip est illisible ou endommagée."], failed.Problems);
        using var apply = await client.PostAsync($"/api/v1/imports/{started.Id}/apply", null);
        await ProblemAsync(apply, HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-3")]
    [InlineData("99999999999")]
    public async Task ImportsApi_RejectionsPageOutOfRange_NeverAServerError(string page)
    {
        var territory = await app.CreateTerritoryAsync();
        var client = await app.SignInAsync(territory.Admin);
        var runId = await AnalysedRunAsync(client, await UaiAsync(app, territory.Id, territory.SchoolA));

        using var response = await client.GetAsync($"/api/v1/imports/{runId}/rejections?page={page}");

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Equal(1, (await response.Content.ReadFromJsonAsync<ImportRejectionsResponse>())!.Page);
        }
    }

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, byte[] body, string contentType = "text/csv", string query = "")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await client.PostAsync("/api/v1/imports" + query, content);
    }

    /// <summary>GETs a run, running the imports waiting (the background worker is off in tests) until it reaches a status.</summary>
    private async Task<ImportResponse> UntilAsync(HttpClient client, Guid runId, string status)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var run = (await client.GetFromJsonAsync<ImportResponse>($"/api/v1/imports/{runId}"))!;
            if (run.Status == status)
            {
                return run;
            }

            await app.RunImportsAsync();
        }

        throw new InvalidOperationException($"The run never reached {status}.");
    }

    private async Task<Guid> AnalysedRunAsync(HttpClient client, string uai, string query = "")
    {
        using var posted = await PostFileAsync(client, Utf8(FrenchCsv(uai)), query: query);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var runId = (await posted.Content.ReadFromJsonAsync<ImportResponse>())!.Id;
        await UntilAsync(client, runId, "Analysed");
        return runId;
    }

    /// <summary>The run's state, rejected lines and application all answer 404 with a French problem.</summary>
    private static async Task AssertNotFoundAsync(HttpClient client, Guid runId)
    {
        using var state = await client.GetAsync($"/api/v1/imports/{runId}");
        using var rejections = await client.GetAsync($"/api/v1/imports/{runId}/rejections");
        using var apply = await client.PostAsync($"/api/v1/imports/{runId}/apply", null);
        foreach (var response in new[] { state, rejections, apply })
        {
            Assert.Equal("Cet import n’existe pas ou ne vous est pas accessible.", (await ProblemAsync(response, HttpStatusCode.NotFound)).GetProperty("title").GetString());
        }
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private Task<int> ImportedPupilsAsync(Guid territoryId) =>
        app.InTerritoryAsync(territoryId, sp => sp.GetRequiredService<IdentityDbContext>().Accounts.CountAsync(a => a.SourcedId != null && a.BirthDate != null));

    private Task<int> RunsAsync(Guid territoryId) =>
        app.InTerritoryAsync(territoryId, sp => sp.GetRequiredService<IdentityDbContext>().ImportRuns.CountAsync());

    /// <summary>A body whose length the client cannot know, sent chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
