using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Data;
using Preau.Identity.Imports;

namespace Preau.IntegrationTests.Identity;

/// <summary>What a user does on the import pages, and the files they upload.</summary>
internal static class ImportsPages
{
    public const string Header = "uai;classe;niveau;nom;prenom;date_naissance;ine;annee_scolaire;resp1_lien;resp1_nom;resp1_prenom;resp1_courriel;resp1_telephone;resp1_autorite_parentale;resp2_lien;resp2_nom;resp2_prenom;resp2_courriel;resp2_telephone;resp2_autorite_parentale";

    /// <summary>Three pupils of school A (two siblings sharing their mother), with the given year's classes.</summary>
    public static string FrenchCsv(string uaiA, string year = "2026-2027", string classOfLucas = "CM2 Import", string classOfLea = "CE1 Import", params string[] extraLines) => string.Join("\r\n",
    [
        Header,
        $"{uaiA};{classOfLucas};CM2;Importé;Lucas;14/03/2016;1234567890A;{year};Mère;Importé;Nathalie;nathalie.importe@example.org;06 12 34 56 78;oui;Père;Importé;Paul;;07 11 22 33 44;oui",
        $"{uaiA};{classOfLea};CE1;Importé;Léa;02/10/2019;1234567891B;{year};Mère;Importé;Nathalie;nathalie.importe@example.org;06 12 34 56 78;oui;;;;;;",
        $"{uaiA};{classOfLucas};CM2;Durand;Inès;05/05/2016;1234567892C;{year};Tuteur;Durand;Sarah;sarah.durand@example.org;;oui;;;;;;",
        .. extraLines,
    ]) + "\r\n";

    public static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    /// <summary>Uploads a file through the form of /imports/nouveau, as a browser does (multipart, antiforgery token).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content, string? school = null)
    {
        var page = await PreauApp.GetPageAsync(client, "/imports/nouveau");
        var form = page.QuerySelector("form[enctype='multipart/form-data']") ?? throw new InvalidOperationException("No upload form on /imports/nouveau.");
        using var body = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
        };
        if (school is not null)
        {
            body.Add(new StringContent(school), "Input.School");
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Add(file, "Input.File", fileName);
        return await client.PostAsync("/imports/nouveau", body);
    }

    /// <summary>Uploads, checks the redirection to the new run's page, and returns the run's id.</summary>
    public static async Task<Guid> UploadRunAsync(HttpClient client, string fileName, byte[] content, string? school = null)
    {
        using var response = await UploadAsync(client, fileName, content, school);
        var location = response.Headers.Location?.OriginalString;
        if (response.StatusCode != HttpStatusCode.Redirect || location is null || !location.StartsWith("/imports/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Upload refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return Guid.Parse(location["/imports/".Length..]);
    }

    /// <summary>Runs the analyses and applications waiting (the background worker is off in tests).</summary>
    public static Task RunImportsAsync(this PreauApp app) => app.Services.GetRequiredService<ImportRunner>().RunPendingAsync(CancellationToken.None);

    /// <summary>Asks for the application on the run's page (its form, with its token).</summary>
    public static Task<HttpResponseMessage> ApplyAsync(HttpClient client, Guid runId) =>
        PreauApp.SubmitFormAsync(client, $"/imports/{runId}", new(), handler: "Apply");

    /// <summary>The counts table of a run's page: label → (created, updated, deactivated, unchanged).</summary>
    public static Dictionary<string, (int Created, int Updated, int Deactivated, int Unchanged)> Counts(IHtmlDocument page) =>
        page.QuerySelectorAll(".import-counts tbody tr").ToDictionary(
            row => row.QuerySelector("th")!.TextContent.Trim(),
            row =>
            {
                var cells = row.QuerySelectorAll("td").Select(c => int.Parse(new string(c.TextContent.Where(char.IsAsciiDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                return (cells[0], cells[1], cells[2], cells[3]);
            });

    /// <summary>The rejected lines of a run's page: (file, line, column, reason).</summary>
    public static List<(string File, int Line, string Column, string Reason)> Rejections(IHtmlDocument page) =>
        page.QuerySelectorAll("section[aria-labelledby=rejections-title] tbody tr").Select(row =>
        {
            var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray();
            return (cells[0], int.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture), cells[2], cells[3]);
        }).ToList();

    public static Task<ImportRun> RunAsync(PreauApp app, Guid territoryId, Guid runId) =>
        app.InTerritoryAsync(territoryId, sp => sp.GetRequiredService<IdentityDbContext>().ImportRuns.AsNoTracking().SingleAsync(r => r.Id == runId));

    public static Task<string> UaiAsync(PreauApp app, Guid territoryId, Guid schoolId) =>
        app.InTerritoryAsync(territoryId, sp => sp.GetRequiredService<IdentityDbContext>().Schools.Where(s => s.Id == schoolId).Select(s => s.Uai).SingleAsync());
}
