using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Audit;
using Preau.Identity.Data;
using Preau.Identity.Schools;

namespace Preau.IntegrationTests.Identity;

/// <summary>Schools, classes, enrolments and staff through the administration pages, and who may reach them (issue #2, item 5).</summary>
public sealed class AdminStructuresTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task CreateSchool_ValidUai_IsSavedAuditedAndListed()
    {
        var territory = await app.CreateTerritoryAsync();
        var admin = await app.SignInAsync(territory.Admin);
        var uai = Uai.WithCheckLetter("0959" + Random.Shared.Next(100, 999));

        var response = await PreauApp.SubmitFormAsync(admin, "/administration/etablissements/nouveau", new()
        {
            ["Input.Uai"] = uai.ToLowerInvariant(), ["Input.Name"] = "Collège Louise-Michel", ["Input.Kind"] = "College",
            ["Input.Street"] = "2 rue des Lilas", ["Input.PostalCode"] = "95450", ["Input.City"] = "Testville",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await PreauApp.GetPageAsync(admin, "/administration/etablissements?q=louise");
        Assert.Contains(uai, list.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        var audited = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().AuditEntries
            .AnyAsync(e => e.Action == AuditAction.StructureChanged && e.Summary.Contains("Collège Louise-Michel")));
        Assert.True(audited);
    }

    [Theory]
    [InlineData("0750655F", "Le code UAI comporte 7 chiffres suivis d’une lettre de contrôle")]
    [InlineData("ABC", "Le code UAI comporte 7 chiffres suivis d’une lettre de contrôle")]
    [InlineData("DUPLICATE", "a déjà le code UAI")]
    public async Task CreateSchool_InvalidOrDuplicatedUai_IsRefusedInFrenchKeepingTheForm(string uai, string message)
    {
        var territory = await app.CreateTerritoryAsync();
        var admin = await app.SignInAsync(territory.Admin);
        if (uai == "DUPLICATE")
        {
            uai = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().Schools.Where(s => s.Id == territory.SchoolA).Select(s => s.Uai).SingleAsync());
        }

        var response = await PreauApp.SubmitFormAsync(admin, "/administration/etablissements/nouveau", new() { ["Input.Uai"] = uai, ["Input.Name"] = "École des Essais", ["Input.Kind"] = "Primaire" });

        var page = PreauApp.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("École des Essais", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Name")!.Value);
    }

    [Fact]
    public async Task EditSchool_HostileName_IsStoredAsTextAndShownEscaped()
    {
        var territory = await app.CreateTerritoryAsync();
        var head = await app.SignInAsync(territory.HeadA);
        var uai = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().Schools.Where(s => s.Id == territory.SchoolA).Select(s => s.Uai).SingleAsync());

        await PreauApp.SubmitFormAsync(head, $"/administration/etablissements/{territory.SchoolA}/modifier", new() { ["Input.Uai"] = uai, ["Input.Name"] = "<script>alert('x')</script> École' OR 1=1 --" });

        var html = await head.GetStringAsync($"/administration/etablissements/{territory.SchoolA}");
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchoolPages_HeadOfAnotherSchoolOrOtherTerritory_Answer404AndTeachersAreRefused()
    {
        var territory = await app.CreateTerritoryAsync();
        var other = await app.CreateTerritoryAsync();
        var headB = await app.SignInAsync(territory.HeadB);
        var adminOfOther = await app.SignInAsync(other.Admin);
        var teacher = await app.SignInAsync(territory.TeacherA);

        foreach (var url in new[] { $"/administration/etablissements/{territory.SchoolA}", $"/administration/etablissements/{territory.SchoolA}/modifier", $"/administration/classes/{territory.ClassA}", $"/administration/etablissements/{territory.SchoolA}/classes/nouvelle", $"/administration/comptes/{territory.PupilA.Id}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await headB.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await adminOfOther.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await headB.GetAsync("/administration/etablissements/nouveau")).StatusCode);
        var list = await PreauApp.GetPageAsync(headB, "/administration/etablissements");
        Assert.DoesNotContain($"École A {territory.Slug}", list.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"École B {territory.Slug}", list.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchoolPage_ShowsClassesWithTeachersAndPupilCounts()
    {
        var territory = await app.CreateTerritoryAsync();
        var head = await app.SignInAsync(territory.HeadA);

        var page = await PreauApp.GetPageAsync(head, $"/administration/etablissements/{territory.SchoolA}");

        var row = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("CM2 A", StringComparison.Ordinal));
        Assert.Contains("Thérèse Enseignante", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("2", row.QuerySelector("td.number")!.TextContent.Trim());
    }

    [Fact]
    public async Task HeadCreatesAClassEnrolsAndMovesAPupil_EnrolmentHistoryIsKept()
    {
        var territory = await app.CreateTerritoryAsync();
        var head = await app.SignInAsync(territory.HeadA);

        var created = await PreauApp.SubmitFormAsync(head, $"/administration/etablissements/{territory.SchoolA}/classes/nouvelle", new() { ["Input.Name"] = "CM2 B", ["Input.Kind"] = "Class", ["Input.Level"] = "CM2" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var classUrl = created.Headers.Location!.OriginalString;
        var duplicate = await PreauApp.SubmitFormAsync(head, $"/administration/etablissements/{territory.SchoolA}/classes/nouvelle", new() { ["Input.Name"] = "CM2 B", ["Input.Kind"] = "Class" });
        Assert.Contains("a déjà une classe ou un groupe de ce nom", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var enrolled = await PreauApp.SubmitFormAsync(head, classUrl, new() { ["Pupil.Login"] = territory.PupilA.Login }, handler: "Pupil");
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);

        var enrolments = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().Enrolments
            .Where(e => e.PupilId == territory.PupilA.Id).Select(e => new { e.ClassGroupId, e.EndsOn }).ToListAsync());
        Assert.Equal(2, enrolments.Count);
        Assert.NotNull(enrolments.Single(e => e.ClassGroupId == territory.ClassA).EndsOn);
        Assert.Null(enrolments.Single(e => e.ClassGroupId != territory.ClassA).EndsOn);
        var pupilOfOtherSchool = await PreauApp.SubmitFormAsync(head, classUrl, new() { ["Pupil.Login"] = territory.PupilB.Login }, handler: "Pupil");
        Assert.Contains("Aucun compte que vous gérez ne porte cet identifiant.", await pupilOfOtherSchool.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssignStaff_HeadGivesTeacherOfTheirSchool_ButNeverAHeadsRole()
    {
        var territory = await app.CreateTerritoryAsync();
        var head = await app.SignInAsync(territory.HeadA);

        var headRole = await PreauApp.SubmitFormAsync(head, $"/administration/etablissements/{territory.SchoolA}", new() { ["Input.Login"] = territory.SchoolLifeA.Login, ["Input.Profile"] = "Head" }, handler: "Staff");
        Assert.Contains("Vous ne pouvez pas donner cette fonction.", await headRole.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var teacherRole = await PreauApp.SubmitFormAsync(head, $"/administration/etablissements/{territory.SchoolA}", new() { ["Input.Login"] = territory.SchoolLifeA.Login, ["Input.Profile"] = "Teacher" }, handler: "Staff");
        Assert.Equal(HttpStatusCode.Redirect, teacherRole.StatusCode);
        var rights = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().AuditEntries
            .CountAsync(e => e.Action == AuditAction.RightsChanged && e.SubjectId == territory.SchoolLifeA.Id));
        Assert.Equal(1, rights);
    }
}
