using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Data;
using UglyToad.PdfPig;

namespace Preau.IntegrationTests.Identity;

/// <summary>Activation letters: issued, printed once (HTML or PDF), usable, audited without codes (issue #2, item 4).</summary>
public sealed partial class AdminLettersTests(PreauApp app) : IClassFixture<PreauApp>
{
    private const string NewPassword = "nous avons reçu la lettre";

    [Fact]
    public async Task PrintLetters_ClassAsPdf_OneReadablePagePerFamilyWhoseCodeActivatesTheAccount()
    {
        var territory = await app.CreateTerritoryAsync();
        var head = await app.SignInAsync(territory.HeadA);

        var response = await PostLettersAsync(head, new() { ["classe"] = territory.ClassA.ToString(), ["Format"] = "pdf", ["OnlyNotActivated"] = "true" });

        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var page = Assert.Single(pdf.GetPages());
        var text = string.Join(' ', page.GetWords().Select(w => w.Text));
        Assert.Contains($"Territoire {territory.Slug}", text, StringComparison.Ordinal);
        Assert.Contains(territory.Unactivated.Login, text, StringComparison.Ordinal);
        Assert.Contains("Pauline", text, StringComparison.Ordinal);
        Assert.Contains("http://localhost/activation", text, StringComparison.Ordinal);
        var code = CodePattern().Match(text).Value;
        Assert.NotEmpty(code);
        await ActivateAsync(territory.Unactivated.Login, code);
    }

    [Fact]
    public async Task PrintLetters_PersonAsHtml_ShowsTheCodeOnceAndANewLetterRevokesThePreviousCode()
    {
        var territory = await app.CreateTerritoryAsync();
        var admin = await app.SignInAsync(territory.Admin);

        var first = await PostLettersAsync(admin, new() { ["Format"] = "html" }, $"/administration/lettres?personne={territory.Unactivated.Id}");
        var firstCode = CodePattern().Match(PreauApp.Parse(await first.Content.ReadAsStringAsync()).QuerySelector(".letter__code")!.TextContent).Value;
        var second = await PostLettersAsync(admin, new() { ["Format"] = "html" }, $"/administration/lettres?personne={territory.Unactivated.Id}");
        var letter = PreauApp.Parse(await second.Content.ReadAsStringAsync()).QuerySelector(".letter")!;
        var secondCode = CodePattern().Match(letter.QuerySelector(".letter__code")!.TextContent).Value;

        Assert.Contains(territory.Unactivated.Login, letter.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(firstCode, secondCode);
        var refused = await PreauApp.SubmitFormAsync(app.CreateBrowserClient(), "/activation", new() { ["Activation.Login"] = territory.Unactivated.Login, ["Activation.Code"] = firstCode }, handler: "Check");
        Assert.Contains("ne correspondent pas", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await ActivateAsync(territory.Unactivated.Login, secondCode);
        var stored = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().ActivationCodes.Where(c => c.AccountId == territory.Unactivated.Id).Select(c => c.CodeHash).ToListAsync());
        Assert.DoesNotContain(stored, h => h.Contains(secondCode.Replace("-", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public async Task PrintLetters_MunicipalAgent_PrintsForAnySchoolButHeadsOnlyForTheirs()
    {
        var territory = await app.CreateTerritoryAsync();
        var agent = await app.SignInAsync(territory.Agent);
        var headB = await app.SignInAsync(territory.HeadB);
        var teacher = await app.SignInAsync(territory.TeacherA);

        var byAgent = await PostLettersAsync(agent, new() { ["etablissement"] = territory.SchoolA.ToString(), ["Format"] = "html", ["OnlyNotActivated"] = "false" });
        var letters = PreauApp.Parse(await byAgent.Content.ReadAsStringAsync()).QuerySelectorAll(".letter");
        Assert.Equal(3, letters.Length); // Gaëlle, Gilles (without parental authority, still a guardian) and Nina.
        // The agent manages no school: the letters page does not lead to the administration that would refuse them.
        Assert.Null((await PreauApp.GetPageAsync(agent, "/administration/lettres")).QuerySelector("a[href='/administration']"));
        Assert.NotNull((await PreauApp.GetPageAsync(headB, "/administration/lettres")).QuerySelector("a[href='/administration']"));

        var byHeadB = await PostLettersAsync(headB, new() { ["etablissement"] = territory.SchoolA.ToString(), ["Format"] = "pdf" });
        Assert.Equal(HttpStatusCode.NotFound, byHeadB.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await headB.GetAsync($"/administration/lettres?personne={territory.GuardianA.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync("/administration/lettres")).StatusCode);
    }

    [Fact]
    public async Task PrintLetters_EveryFamilyAlreadyActivated_SaysSoInFrench()
    {
        var territory = await app.CreateTerritoryAsync();
        var head = await app.SignInAsync(territory.HeadB);

        var response = await PostLettersAsync(head, new() { ["classe"] = territory.ClassB.ToString(), ["Format"] = "pdf", ["OnlyNotActivated"] = "true" });

        Assert.Contains("Aucune lettre à imprimer", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_AfterSignInActivationAndLetters_HoldsNoPasswordNoCode()
    {
        var territory = await app.CreateTerritoryAsync();
        var admin = await app.SignInAsync(territory.Admin);
        await PreauApp.SubmitFormAsync(app.CreateBrowserClient(), "/connexion", new() { ["Input.Login"] = territory.TeacherA.Login, ["Input.Password"] = "un mauvais mot de passe secret" });
        var letters = await PostLettersAsync(admin, new() { ["Format"] = "html" }, $"/administration/lettres?personne={territory.Unactivated.Id}");
        var code = CodePattern().Match(PreauApp.Parse(await letters.Content.ReadAsStringAsync()).QuerySelector(".letter__code")!.TextContent).Value;
        await ActivateAsync(territory.Unactivated.Login, code);

        var log = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().AuditEntries.Select(e => e.Summary).ToListAsync());

        Assert.Contains(log, s => s.Contains("code(s) d’activation émis", StringComparison.Ordinal));
        foreach (var secret in new[] { PreauApp.Password, NewPassword, "un mauvais mot de passe secret", code, code.Replace("-", string.Empty, StringComparison.Ordinal) })
        {
            Assert.DoesNotContain(log, s => s.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }

        var csv = await admin.GetStringAsync("/administration/journal?handler=Export");
        Assert.DoesNotContain(code, csv, StringComparison.Ordinal);
        Assert.Contains("Codes d’activation émis", csv, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostLettersAsync(HttpClient client, Dictionary<string, string> fields, string url = "/administration/lettres")
    {
        var page = await PreauApp.GetPageAsync(client, url);
        var form = page.Forms.First(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase) && (f.GetAttribute("action") ?? string.Empty).StartsWith("/administration/lettres", StringComparison.Ordinal)
            && (fields.ContainsKey("classe") ? f.QuerySelector("select[name=classe]") is not null : fields.ContainsKey("etablissement") ? f.QuerySelector("select[name=etablissement]") is not null : f.GetAttribute("action")!.Contains("personne", StringComparison.Ordinal)));
        return await PreauApp.PostFormAsync(client, url, form, fields);
    }

    private async Task ActivateAsync(string login, string code)
    {
        var client = app.CreateBrowserClient();
        var check = await PreauApp.SubmitFormAsync(client, "/activation", new() { ["Activation.Login"] = login, ["Activation.Code"] = code }, handler: "Check");
        var step2 = PreauApp.Parse(await check.Content.ReadAsStringAsync());
        var activate = await PreauApp.PostFormAsync(client, "/activation", step2.Forms.Single(f => f.Action.Contains("Activate", StringComparison.Ordinal)), new()
        {
            ["Input.Password"] = NewPassword, ["Input.Confirmation"] = NewPassword, ["AcceptTerms"] = "true",
        });
        Assert.Equal("/", activate.Headers.Location?.OriginalString);
    }

    [GeneratedRegex("[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}")]
    private static partial Regex CodePattern();
}
