using AngleSharp.Dom;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Data;

namespace Preau.IntegrationTests.Identity;

/// <summary>Territory settings, theme and school calendar (issue #2, items 3, 5 and 9).</summary>
public sealed class AdminTerritoryTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task SaveSettings_ColourWithTooLittleContrast_IsRefusedInFrenchAndKeepsWhatWasTyped()
    {
        var territory = await app.CreateTerritoryAsync();
        var admin = await app.SignInAsync(territory.Admin);

        var response = await PreauApp.SubmitFormAsync(admin, "/administration/territoire", new() { ["Input.Name"] = "Ville de Clairval", ["Input.PrimaryColor"] = "#ffd700" });

        var page = PreauApp.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("n’est pas assez contrastée", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Ville de Clairval", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Name")!.Value);
        Assert.Equal("#ffd700", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_PrimaryColor")!.Value);
        Assert.Equal($"Territoire {territory.Slug}", await TerritoryNameAsync(territory));
    }

    [Fact]
    public async Task SaveSettings_ReadableColourAndName_AreInEveryPageHeaderAndTheThemeStylesheet()
    {
        var territory = await app.CreateTerritoryAsync();
        var admin = await app.SignInAsync(territory.Admin);

        var response = await PreauApp.SubmitFormAsync(admin, "/administration/territoire", new()
        {
            ["Input.Name"] = "Communauté de communes du Val",
            ["Input.Kind"] = "Intercommunalite",
            ["Input.TimeZoneId"] = "Indian/Reunion",
            ["Input.PrimaryColor"] = "#8B1E3F",
            ["Input.ActivationCodeValidityDays"] = "30",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var teacher = await app.SignInAsync(territory.TeacherA);
        var home = await PreauApp.GetPageAsync(teacher, "/");
        Assert.Equal("Communauté de communes du Val", home.QuerySelector(".site-header__territory")!.TextContent);
        var themeLink = home.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(h => h.StartsWith("/theme.css", StringComparison.Ordinal));
        Assert.Contains("#8b1e3f", await teacher.GetStringAsync(themeLink), StringComparison.Ordinal);
        var audit = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().AuditEntries
            .Where(e => e.Action == Preau.Identity.Audit.AuditAction.StructureChanged).Select(e => e.Summary).ToListAsync());
        Assert.Contains(audit, s => s.Contains("couleur", StringComparison.Ordinal) && s.Contains("fuseau horaire", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SaveSettings_TenMegabytesOfName_AnswersAFrenchPageNeverA500()
    {
        var territory = await app.CreateTerritoryAsync();
        var admin = await app.SignInAsync(territory.Admin);

        var response = await PreauApp.SubmitFormAsync(admin, "/administration/territoire", new() { ["Input.Name"] = new string('a', 10 * 1024 * 1024) });

        Assert.True((int)response.StatusCode < 500, $"Answered {(int)response.StatusCode}");
        Assert.Contains("lang=\"fr\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal($"Territoire {territory.Slug}", await TerritoryNameAsync(territory));
    }

    [Theory]
    [InlineData("head")]
    [InlineData("teacher")]
    [InlineData("guardian")]
    public async Task Settings_NotTerritoryAdmin_IsRefused(string who)
    {
        var territory = await app.CreateTerritoryAsync();
        var client = await app.SignInAsync(who switch { "head" => territory.HeadA, "teacher" => territory.TeacherA, _ => territory.GuardianA });

        foreach (var url in new[] { "/administration/territoire", "/administration/calendrier", "/administration/journal" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task UploadLogo_Svg_IsRefusedAndPngIsShownInTheHeader()
    {
        var territory = await app.CreateTerritoryAsync();
        var admin = await app.SignInAsync(territory.Admin);

        var svg = await UploadLogoAsync(admin, "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(), "logo.svg");
        Assert.Contains("Les logos SVG ou texte ne sont pas acceptés", await svg.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var png = await UploadLogoAsync(admin, TinyPng, "logo.png");
        Assert.Equal(HttpStatusCode.Redirect, png.StatusCode);
        var home = await PreauApp.GetPageAsync(await app.SignInAsync(territory.GuardianA), "/");
        var logoUrl = home.QuerySelector(".site-header__logo")!.GetAttribute("src")!;
        var logo = await admin.GetAsync(logoUrl);
        Assert.Equal("image/png", logo.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TinyPng, await logo.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task UploadLogo_LargerThan500Kilobytes_IsRefused()
    {
        var territory = await app.CreateTerritoryAsync();
        var admin = await app.SignInAsync(territory.Admin);

        var response = await UploadLogoAsync(admin, [.. TinyPng, .. new byte[600 * 1024]], "grand.png");

        Assert.Contains("Le logo dépasse 500 Ko", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffSecondFactorSetting_Enabled_SendsTeachersToEnrolmentAtSignInAndOpenSessionsWithinTheInterval()
    {
        var territory = await app.CreateTerritoryAsync();
        var openSession = await app.SignInAsync(territory.TeacherB);
        var admin = await app.SignInAsync(territory.Admin);

        await PreauApp.SubmitFormAsync(admin, "/administration/territoire", new() { ["Input.RequireStaffSecondFactor"] = "true" });

        var teacher = app.CreateBrowserClient();
        await PreauApp.SubmitFormAsync(teacher, "/connexion", new() { ["Input.Login"] = territory.TeacherA.Login, ["Input.Password"] = PreauApp.Password });
        var home = await teacher.GetAsync("/");
        Assert.Equal("/compte/double-authentification", home.Headers.Location?.OriginalString);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("/compte/double-authentification", (await openSession.GetAsync("/")).Headers.Location?.OriginalString);
        // Families are not staff: they keep signing in with their password alone.
        await PreauApp.GetPageAsync(await app.SignInAsync(territory.GuardianA), "/");
    }

    [Fact]
    public async Task SaveSchoolYear_OverlappingAnother_IsRefusedAndIndicativeHolidaysFillANewYear()
    {
        var territory = await app.CreateTerritoryAsync();
        var admin = await app.SignInAsync(territory.Admin);

        var overlap = await PreauApp.SubmitFormAsync(admin, "/administration/calendrier", new() { ["Year.Label"] = "2027-bis", ["Year.StartsOn"] = "2027-06-01", ["Year.EndsOn"] = "2028-07-03" }, handler: "Year");
        Assert.Contains("chevauche l’année", await overlap.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var created = await PreauApp.SubmitFormAsync(admin, "/administration/calendrier", new() { ["Year.Label"] = "2027-2028", ["Year.StartsOn"] = "2027-09-01", ["Year.EndsOn"] = "2028-07-03" }, handler: "Year");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var yearId = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().SchoolYears.Where(y => y.Label == "2027-2028").Select(y => y.Id).SingleAsync());
        var page = await PreauApp.GetPageAsync(admin, "/administration/calendrier");
        var fill = page.Forms.First(f => f.Action.Contains("handler=Fill", StringComparison.Ordinal) && f.Elements.Any(e => e.GetAttribute("value") == yearId.ToString()));
        await PreauApp.PostFormAsync(admin, "/administration/calendrier", fill, []);

        var holidays = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().SchoolHolidays
            .Where(h => h.StartsOn >= new DateOnly(2027, 9, 1) && h.EndsOn <= new DateOnly(2028, 7, 3)).CountAsync());
        Assert.Equal(5, holidays);
        var bad = await PreauApp.SubmitFormAsync(admin, "/administration/calendrier", new() { ["Holiday.Label"] = "Inversées", ["Holiday.StartsOn"] = "2028-02-20", ["Holiday.EndsOn"] = "2028-02-10" }, handler: "Holiday");
        Assert.Contains("Le dernier jour doit suivre le premier.", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateTerritory_PlatformAdministrator_OpensItWithAFirstAdministratorWhoActivatesAndMustEnrolASecondFactor()
    {
        var territory = await app.CreateTerritoryAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync(territory.Admin)).GetAsync("/administration/territoires")).StatusCode);
        await app.InTerritoryAsync(territory.Id, async sp =>
        {
            var db = sp.GetRequiredService<IdentityDbContext>();
            var admin = await db.Accounts.SingleAsync(a => a.Id == territory.Admin.Id);
            admin.Profiles |= Preau.Platform.Authorization.Profile.PlatformAdmin;
            return await db.SaveChangesAsync();
        });
        var platform = await app.SignInAsync(territory.Admin);
        var slug = "t" + Guid.NewGuid().ToString("N")[..10];

        var taken = await PreauApp.SubmitFormAsync(platform, "/administration/territoires", new() { ["Input.Name"] = "Doublon", ["Input.Slug"] = territory.Slug, ["Input.AdminFirstName"] = "A", ["Input.AdminLastName"] = "B", ["Input.AdminLogin"] = territory.TeacherA.Login });
        var takenText = await taken.Content.ReadAsStringAsync();
        Assert.Contains("Un autre territoire porte déjà ce nom court.", takenText, StringComparison.Ordinal);
        Assert.Contains("Cet identifiant est déjà utilisé.", takenText, StringComparison.Ordinal);

        var response = await PreauApp.SubmitFormAsync(platform, "/administration/territoires", new()
        {
            ["Input.Name"] = "Département du Val", ["Input.Slug"] = slug, ["Input.Kind"] = "Departement", ["Input.TimeZoneId"] = "America/Cayenne",
            ["Input.AdminFirstName"] = "Inès", ["Input.AdminLastName"] = "Première", ["Input.AdminLogin"] = slug + ".admin",
        });
        var page = PreauApp.Parse(await response.Content.ReadAsStringAsync());
        var code = page.QuerySelector(".letter__code")!.TextContent.Trim();
        Assert.Contains("Département du Val", page.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);

        var client = app.CreateBrowserClient();
        var check = await PreauApp.SubmitFormAsync(client, "/activation", new() { ["Activation.Login"] = slug + ".admin", ["Activation.Code"] = code }, handler: "Check");
        var step2 = PreauApp.Parse(await check.Content.ReadAsStringAsync());
        await PreauApp.PostFormAsync(client, "/activation", step2.Forms.Single(f => f.Action.Contains("Activate", StringComparison.Ordinal)), new()
        {
            ["Input.Password"] = "le premier administrateur du val", ["Input.Confirmation"] = "le premier administrateur du val", ["AcceptTerms"] = "true",
        });
        Assert.Equal("/compte/double-authentification", (await client.GetAsync("/")).Headers.Location?.OriginalString);
    }

    /// <summary>A 1×1 PNG.</summary>
    private static readonly byte[] TinyPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static async Task<HttpResponseMessage> UploadLogoAsync(HttpClient client, byte[] content, string fileName)
    {
        var page = await PreauApp.GetPageAsync(client, "/administration/territoire");
        var form = page.Forms.Single(f => f.Action.Contains("handler=Logo", StringComparison.Ordinal));
        var token = form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var body = new MultipartFormDataContent();
        body.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Add(file, "logoFile", fileName);
        return await client.PostAsync(form.GetAttribute("action"), body);
    }

    private Task<string> TerritoryNameAsync(TestTerritory territory) =>
        app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().Territories.Select(t => t.Name).SingleAsync());
}
