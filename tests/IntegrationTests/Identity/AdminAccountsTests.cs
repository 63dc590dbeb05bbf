using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Audit;
using Preau.Identity.Data;
using Preau.Platform.Authorization;

namespace Preau.IntegrationTests.Identity;

/// <summary>Accounts, profiles and family links through the administration pages, and their limits (issue #2, items 3 and 5).</summary>
public sealed class AdminAccountsTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task CreateAccount_GuardianOfAChild_IsLinkedAuditedAndWaitsForActivation()
    {
        var territory = await app.CreateTerritoryAsync();
        var head = await app.SignInAsync(territory.HeadA);

        var response = await PreauApp.SubmitFormAsync(head, "/administration/comptes/nouveau", new()
        {
            ["Input.FirstName"] = "Zoé", ["Input.LastName"] = "Lefèvre", ["Input.Profile"] = "Guardian",
            ["Input.ChildLogin"] = territory.PupilA2.Login, ["Input.Relation"] = "LegalGuardian", ["Input.HasParentalAuthority"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var person = await PreauApp.GetPageAsync(head, response.Headers.Location!.OriginalString);
        Assert.Contains("zoe.lefevre", person.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Pauline Élève", person.Body.TextContent, StringComparison.Ordinal);
        Assert.Contains("pas encore activé", person.Body.TextContent, StringComparison.Ordinal);
        var created = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().AuditEntries
            .AnyAsync(e => e.Action == AuditAction.AccountCreated && e.Summary.Contains("Zoé Lefèvre")));
        Assert.True(created);
    }

    [Theory]
    [InlineData("TerritoryAdmin")]
    [InlineData("MunicipalAgent")]
    [InlineData("Head")]
    public async Task CreateAccount_HeadGivesAProfileAboveTheSchool_IsRefused(string profile)
    {
        var territory = await app.CreateTerritoryAsync();
        var head = await app.SignInAsync(territory.HeadA);

        var response = await PreauApp.SubmitFormAsync(head, "/administration/comptes/nouveau", new()
        {
            ["Input.FirstName"] = "Ève", ["Input.LastName"] = "Escalade", ["Input.Profile"] = profile, ["Input.SchoolId"] = territory.SchoolA.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vous ne pouvez pas donner ce profil.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().Accounts.AnyAsync(a => a.LastName == "Escalade")));
    }

    [Fact]
    public async Task CreateAccount_HostileAndEmptyInput_GetsFrenchMessagesAndHostileNamesStayText()
    {
        var territory = await app.CreateTerritoryAsync();
        var admin = await app.SignInAsync(territory.Admin);

        var empty = await PreauApp.SubmitFormAsync(admin, "/administration/comptes/nouveau", new() { ["Input.FirstName"] = "", ["Input.LastName"] = "" });
        var emptyText = await empty.Content.ReadAsStringAsync();
        Assert.Contains("Indiquez le prénom.", emptyText, StringComparison.Ordinal);
        Assert.Contains("Indiquez le nom.", emptyText, StringComparison.Ordinal);

        var badBirth = await PreauApp.SubmitFormAsync(admin, "/administration/comptes/nouveau", new()
        {
            ["Input.FirstName"] = "Léo", ["Input.LastName"] = "Futur", ["Input.Profile"] = "Pupil", ["Input.BirthDate"] = "2099-01-01", ["Input.Email"] = "pas-une-adresse",
        });
        var badText = await badBirth.Content.ReadAsStringAsync();
        Assert.Contains("La date de naissance doit être passée", badText, StringComparison.Ordinal);
        Assert.Contains("L’adresse électronique n’est pas valide.", badText, StringComparison.Ordinal);

        var hostile = await PreauApp.SubmitFormAsync(admin, "/administration/comptes/nouveau", new()
        {
            ["Input.FirstName"] = "<img src=x onerror=alert(1)>", ["Input.LastName"] = "Robert'); DROP TABLE accounts;--", ["Input.Profile"] = "Partner",
        });
        Assert.Equal(HttpStatusCode.Redirect, hostile.StatusCode);
        var html = await admin.GetStringAsync(hostile.Headers.Location!.OriginalString);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("DROP TABLE accounts", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditAccount_TwoAdministratorsAtOnce_TheSecondIsToldAndKeepsWhatTheyTyped()
    {
        var territory = await app.CreateTerritoryAsync();
        var first = await app.SignInAsync(territory.Admin);
        var second = await app.SignInAsync(territory.Admin);
        var url = $"/administration/comptes/{territory.GuardianB.Id}/modifier";
        var firstForm = (await PreauApp.GetPageAsync(first, url)).Forms.Single(f => f.Elements.Any(e => e.GetAttribute("name") == "Input.FirstName"));
        var secondForm = (await PreauApp.GetPageAsync(second, url)).Forms.Single(f => f.Elements.Any(e => e.GetAttribute("name") == "Input.FirstName"));

        var saved = await PreauApp.PostFormAsync(first, url, firstForm, new() { ["Input.PhoneNumber"] = "01 23 45 67 89" });
        var conflict = await PreauApp.PostFormAsync(second, url, secondForm, new() { ["Input.FirstName"] = "Gérald" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = PreauApp.Parse(await conflict.Content.ReadAsStringAsync());
        Assert.Contains("vient d’être modifié par quelqu’un d’autre", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Gérald", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_FirstName")!.Value);
        var again = await PreauApp.PostFormAsync(second, url, page.Forms.Single(f => f.Elements.Any(e => e.GetAttribute("name") == "Input.FirstName")), []);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var account = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().Accounts.SingleAsync(a => a.Id == territory.GuardianB.Id));
        Assert.Equal("Gérald", account.FirstName);
    }

    [Fact]
    public async Task EditAccount_AdministratorsOwnProfiles_CannotBeChanged()
    {
        var territory = await app.CreateTerritoryAsync();
        var admin = await app.SignInAsync(territory.Admin);

        var response = await PreauApp.SubmitFormAsync(admin, $"/administration/comptes/{territory.Admin.Id}/modifier", new() { ["Input.Profiles"] = "PlatformAdmin" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var profiles = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().Accounts.Where(a => a.Id == territory.Admin.Id).Select(a => a.Profiles).SingleAsync());
        Assert.Equal(Profile.TerritoryAdmin, profiles);
    }

    [Fact]
    public async Task EditAccount_HeadAddsTeacherProfileToAPupil_ButCannotGrantAdministration()
    {
        var territory = await app.CreateTerritoryAsync();
        var head = await app.SignInAsync(territory.HeadA);

        await PreauApp.SubmitFormAsync(head, $"/administration/comptes/{territory.GuardianA.Id}/modifier", new() { ["Input.Profiles"] = "TerritoryAdmin" });

        var profiles = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().Accounts.Where(a => a.Id == territory.GuardianA.Id).Select(a => a.Profiles).SingleAsync());
        Assert.Equal(Profile.None, profiles & Profile.TerritoryAdmin);
    }

    [Fact]
    public async Task RevokeSessions_ByAdministrator_EndsTheOpenSessionWithinTheValidationInterval()
    {
        var territory = await app.CreateTerritoryAsync();
        var guardian = await app.SignInAsync(territory.GuardianB);
        var admin = await app.SignInAsync(territory.Admin);

        var response = await PreauApp.SubmitFormAsync(admin, $"/administration/comptes/{territory.GuardianB.Id}", [], handler: "RevokeSessions");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await guardian.GetAsync("/compte")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(2));

        var after = await guardian.GetAsync("/compte");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/connexion", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var audited = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().AuditEntries
            .AnyAsync(e => e.Action == AuditAction.SessionsRevoked && e.SubjectId == territory.GuardianB.Id && e.ActorId == territory.Admin.Id));
        Assert.True(audited);
    }

    [Fact]
    public async Task DeactivateAndResetSecondFactor_HeadOfAnotherSchool_Answer404AndNothingChanges()
    {
        var territory = await app.CreateTerritoryAsync();
        var headB = await app.SignInAsync(territory.HeadB);
        var headA = await app.SignInAsync(territory.HeadA);
        var detailsOfA = await PreauApp.GetPageAsync(headA, $"/administration/comptes/{territory.GuardianA.Id}");
        var deactivate = detailsOfA.Forms.Single(f => f.GetAttribute("action")!.Contains("handler=Deactivate", StringComparison.Ordinal));

        // headB's own antiforgery token (from any of their pages): the refusal must come from the rights, not the token.
        var tokenOfB = (await PreauApp.GetPageAsync(headB, "/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await PreauApp.PostFormAsync(headB, $"/administration/comptes/{territory.GuardianA.Id}", deactivate, new() { ["__RequestVerificationToken"] = tokenOfB });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().Accounts.Where(a => a.Id == territory.GuardianA.Id).Select(a => a.IsActive).SingleAsync()));
        var byHeadA = await PreauApp.PostFormAsync(headA, $"/administration/comptes/{territory.GuardianA.Id}", deactivate, []);
        Assert.Equal(HttpStatusCode.Redirect, byHeadA.StatusCode);
        Assert.False(await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().Accounts.Where(a => a.Id == territory.GuardianA.Id).Select(a => a.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task SearchAccounts_Head_SeesOnlyTheirSchoolsPeople()
    {
        var territory = await app.CreateTerritoryAsync();
        var head = await app.SignInAsync(territory.HeadA);

        var page = await PreauApp.GetPageAsync(head, "/administration/comptes");

        var text = page.QuerySelector("table")!.TextContent;
        Assert.Contains("Paul", text, StringComparison.Ordinal);
        Assert.Contains("Gaëlle", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Pierre", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Gérard", text, StringComparison.Ordinal);
        var adminPage = await PreauApp.GetPageAsync(await app.SignInAsync(territory.Admin), "/administration/comptes?q=pierre+pupil-b");
        Assert.Contains("Pierre", adminPage.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkGuardian_FromThePupilsPage_AddsTheChildToTheGuardiansHome()
    {
        var territory = await app.CreateTerritoryAsync();
        var admin = await app.SignInAsync(territory.Admin);

        var response = await PreauApp.SubmitFormAsync(admin, $"/administration/comptes/{territory.PupilB.Id}", new() { ["Link.Login"] = territory.GuardianA.Login, ["Link.Relation"] = "Other" }, handler: "Link");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var home = await PreauApp.GetPageAsync(await app.SignInAsync(territory.GuardianA), "/");
        Assert.Contains("Pierre Élève", home.QuerySelector(".children-list")!.TextContent, StringComparison.Ordinal);
    }
}
