using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Data;
using Preau.Identity.Imports;
using static Preau.IntegrationTests.Identity.ImportsPages;

namespace Preau.IntegrationTests.Identity;

/// <summary>Malformed and hostile files get a clear French report and change nothing; never a 500.</summary>
public sealed class ImportsHostileFilesTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Theory]
    [InlineData(new byte[0], "Le fichier est vide.")]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00 }, "Ce fichier n’est ni une archive zip OneRoster ni un fichier CSV.")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x75, 0x00, 0x61, 0x00 }, "Le fichier « eleves.csv » est en UTF-16 : enregistrez-le au format « CSV UTF-8 ».")]
    public async Task Upload_UnreadableFile_RefusedOnTheFormNothingStored(byte[] content, string message)
    {
        var territory = await app.CreateTerritoryAsync();
        var client = await app.SignInAsync(territory.Admin);

        var response = await UploadAsync(client, "eleves.csv", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PreauApp.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#Input_File")!.GetAttribute("aria-invalid"));
        Assert.Equal(0, await RunsAsync(territory));
    }

    [Fact]
    public async Task Upload_NoFile_AskedForOne()
    {
        var territory = await app.CreateTerritoryAsync();
        var client = await app.SignInAsync(territory.Admin);

        var response = await PreauApp.SubmitFormAsync(client, "/imports/nouveau", new() { ["Input.School"] = string.Empty });

        Assert.Contains("Choisissez le fichier à importer", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_UnknownUaiTyped_RefusedWithWhatWasTypedKept()
    {
        var territory = await app.CreateTerritoryAsync();
        var client = await app.SignInAsync(territory.Admin);

        var response = await UploadAsync(client, "eleves.csv", Utf8("uai;classe\n"), school: "<b>0750655E</b>");
        var page = PreauApp.Parse(await response.Content.ReadAsStringAsync());

        Assert.Contains("Aucun établissement actif du territoire n’a ce code UAI.", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("<b>0750655E</b>", page.QuerySelector("#Input_School")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("main b"));
    }

    [Fact]
    public async Task Import_FiftyMegabytesOfGarbageText_ClearReportNothingChanged()
    {
        var territory = await app.CreateTerritoryAsync();
        var client = await app.SignInAsync(territory.Admin);
        var garbage = new StringBuilder(50 * 1024 * 1024 + 100);
        var random = new Random(50);
        const string Characters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.;:!?()[]{}<>/\\|@#$%&*+=-_'";
        while (garbage.Length < 50 * 1024 * 1024)
        {
            garbage.Append(Characters[random.Next(Characters.Length)]).Append(random.Next(40) == 0 ? "\n" : string.Empty);
        }

        var runId = await UploadRunAsync(client, "gros-fichier.csv", Encoding.ASCII.GetBytes(garbage.ToString()));
        await app.RunImportsAsync();

        var run = await RunAsync(app, territory.Id, runId);
        Assert.Equal((ImportStatus.Failed, null), (run.Status, run.FileKey));
        var page = await PreauApp.GetPageAsync(client, $"/imports/{runId}");
        Assert.Contains("Il manque dans « gros-fichier.csv » la ou les colonnes obligatoires : uai, classe, nom, prenom, date_naissance, ine.", page.QuerySelector(".alert--error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*='handler=Apply']"));
    }

    [Fact]
    public async Task Upload_HostileFileNames_ShownAsTextNeverAsAPath()
    {
        var territory = await app.CreateTerritoryAsync();
        var uai = await UaiAsync(app, territory.Id, territory.SchoolA);
        var client = await app.SignInAsync(territory.Admin);

        var script = await UploadRunAsync(client, "<img src=x onerror=alert('x')>.csv", Utf8(FrenchCsv(uai)));
        var traversal = await UploadRunAsync(client, "../../../etc/passwd.csv", Utf8(FrenchCsv(uai)));

        Assert.Equal("passwd.csv", (await RunAsync(app, territory.Id, traversal)).FileName);
        var history = await PreauApp.GetPageAsync(client, "/imports");
        Assert.Equal("<img src=x onerror=alert('x')>.csv", history.QuerySelector($"a[href='/imports/{script}']")!.TextContent);
        Assert.Empty(history.QuerySelectorAll("main img"));
    }

    [Fact]
    public async Task Import_HostileValues_StoredAsPlainText()
    {
        var territory = await app.CreateTerritoryAsync();
        var uai = await UaiAsync(app, territory.Id, territory.SchoolA);
        var client = await app.SignInAsync(territory.Admin);
        var csv = $"{Header}\r\n{uai};\"<img src=x onerror=alert(1)>\";CM2;\"Robert'); DROP TABLE accounts;--\";<script>;14/03/2016;1234567894E;2026-2027;;;;;;;;;;;;\r\n";

        var runId = await UploadRunAsync(client, "eleves.csv", Utf8(csv));
        await app.RunImportsAsync();
        await ApplyAsync(client, runId);
        await app.RunImportsAsync();

        var pupil = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().Accounts.SingleAsync(a => a.SourcedId == "1234567894E"));
        Assert.Equal(("<script>", "Robert'); DROP TABLE accounts;--"), (pupil.FirstName, pupil.LastName));
        Assert.StartsWith("script.robert--drop-table-accounts", pupil.UserName, StringComparison.Ordinal);
        Assert.Equal(ImportStatus.Applied, (await RunAsync(app, territory.Id, runId)).Status);
    }

    [Fact]
    public async Task Import_Windows1252FromExcel_ReadWithANotice()
    {
        var territory = await app.CreateTerritoryAsync();
        var uai = await UaiAsync(app, territory.Id, territory.SchoolA);
        var client = await app.SignInAsync(territory.Admin);
        var csv = FrenchCsv(uai).Replace("1234567890A", "1234567895F", StringComparison.Ordinal).Replace("1234567891B", "1234567896G", StringComparison.Ordinal).Replace("1234567892C", "1234567897H", StringComparison.Ordinal);

        var runId = await UploadRunAsync(client, "export-onde.csv", CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(csv));
        await app.RunImportsAsync();

        var page = await PreauApp.GetPageAsync(client, $"/imports/{runId}");
        Assert.Contains("il a été lu comme un fichier Windows-1252", page.QuerySelector(".alert--warning")!.TextContent, StringComparison.Ordinal);
        await ApplyAsync(client, runId);
        await app.RunImportsAsync();
        Assert.Equal("Léa", await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().Accounts.Where(a => a.SourcedId == "1234567896G").Select(a => a.FirstName).SingleAsync()));
    }

    [Theory]
    [InlineData("../manifest.csv", "L’archive contient un nom de fichier interdit (chemin absolu ou « .. ») : « ../manifest.csv ».")]
    [InlineData("users.csv", "L’archive ne contient pas de manifest.csv : ce n’est pas un export OneRoster.")]
    public async Task Import_DangerousOrIncompleteZip_FailsWithTheReasonNothingChanged(string entryName, string message)
    {
        var territory = await app.CreateTerritoryAsync();
        var client = await app.SignInAsync(territory.Admin);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = zip.CreateEntry(entryName).Open())
        {
            entry.Write("propertyName,value\r\noneroster.version,1.2\r\n"u8);
        }

        var runId = await UploadRunAsync(client, "export.zip", buffer.ToArray());
        await app.RunImportsAsync();

        Assert.Equal(ImportStatus.Failed, (await RunAsync(app, territory.Id, runId)).Status);
        var page = await PreauApp.GetPageAsync(client, $"/imports/{runId}");
        Assert.Contains(message, page.QuerySelector(".alert--error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ZipWithBrokenContent_FailsCleanly()
    {
        var territory = await app.CreateTerritoryAsync();
        var client = await app.SignInAsync(territory.Admin);
        var zip = ImportsOneRoster.Zip(new Dictionary<string, string> { ["manifest.csv"] = "x" });
        // Corrupt the compressed data after the local header.
        for (var i = 60; i < zip.Length - 100; i++)
        {
            zip[i] ^= 0x5A;
        }

        var runId = await UploadRunAsync(client, "abime.zip", zip);
        await app.RunImportsAsync();

        Assert.Equal(ImportStatus.Failed, (await RunAsync(app, territory.Id, runId)).Status);
        Assert.NotNull((await PreauApp.GetPageAsync(client, $"/imports/{runId}")).QuerySelector(".alert--error"));
    }

    private Task<int> RunsAsync(TestTerritory territory) =>
        app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().ImportRuns.CountAsync());
}

/// <summary>A deployment with small import limits: a too large upload, a zip bomb.</summary>
public sealed class ImportsLimitsTests(ImportsLimitsTests.SmallLimitsApp app) : IClassFixture<ImportsLimitsTests.SmallLimitsApp>
{
    public sealed class SmallLimitsApp : PreauApp
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            settings["Imports:MaxUploadBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Imports:MaxUncompressedBytes"] = (4 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    [Fact]
    public async Task Upload_LargerThanTheRosterLimit_FrenchMessageOnTheForm()
    {
        var territory = await app.CreateTerritoryAsync();
        var client = await app.SignInAsync(territory.Admin);

        var response = await UploadAsync(client, "eleves.csv", new byte[2 * 1024 * 1024]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await PreauApp.GetPageAsync(client, response.Headers.Location!.OriginalString);
        Assert.Contains("Le fichier dépasse la taille maximale de 1 Mo.", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ZipBomb_StoppedWithAFrenchReason()
    {
        var territory = await app.CreateTerritoryAsync();
        var client = await app.SignInAsync(territory.Admin);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var manifest = zip.CreateEntry("manifest.csv").Open())
            {
                manifest.Write("propertyName,value\r\noneroster.version,1.2\r\n"u8);
            }

            using var users = zip.CreateEntry("users.csv", CompressionLevel.SmallestSize).Open();
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 50; i++)
            {
                users.Write(spaces);
            }
        }

        var runId = await UploadRunAsync(client, "bombe.zip", buffer.ToArray());
        await app.RunImportsAsync();

        var page = await PreauApp.GetPageAsync(client, $"/imports/{runId}");
        Assert.Contains("Une fois décompressée, l’archive dépasse 4 Mo", page.QuerySelector(".alert--error")!.TextContent, StringComparison.Ordinal);
    }
}
