using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Data;

namespace Preau.IntegrationTests.Identity;

public sealed class SignInTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task SignIn_RightPassword_LandsOnHomeWithTheChildrenOfTheGuardian()
    {
        var territory = await app.CreateTerritoryAsync();
        var client = await app.SignInAsync(territory.GuardianA);

        var home = await PreauApp.GetPageAsync(client, "/");

        Assert.Contains("Bonjour Gaëlle", home.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var children = home.QuerySelectorAll(".children-list li").Select(li => li.TextContent).ToList();
        Assert.Single(children);
        Assert.Contains("Paul Élève", children[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsFrenchMessageAndAuditsTheFailure()
    {
        var territory = await app.CreateTerritoryAsync();
        var client = app.CreateBrowserClient();

        var response = await PreauApp.SubmitFormAsync(client, "/connexion", new() { ["Input.Login"] = territory.TeacherA.Login, ["Input.Password"] = "pas le bon mot de passe" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Identifiant ou mot de passe incorrect.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var failures = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().AuditEntries
            .CountAsync(e => e.SubjectId == territory.TeacherA.Id && e.Action == Preau.Identity.Audit.AuditAction.SignInFailed));
        Assert.Equal(1, failures);
    }

    [Fact]
    public async Task SignIn_TenWrongPasswords_LocksTheAccountEvenForTheRightPassword()
    {
        var territory = await app.CreateTerritoryAsync();
        var client = app.CreateBrowserClient();
        for (var i = 0; i < 10; i++)
        {
            await PreauApp.SubmitFormAsync(client, "/connexion", new() { ["Input.Login"] = territory.PupilA.Login, ["Input.Password"] = "mauvais mot de passe " + i });
        }

        var response = await PreauApp.SubmitFormAsync(client, "/connexion", new() { ["Input.Login"] = territory.PupilA.Login, ["Input.Password"] = PreauApp.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("verrouillé pendant 15 minutes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // ASP.NET Core Identity 10 computes lockouts on the system clock (TimeProvider arrives in .NET 11).
        var lockoutEnd = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().Accounts
            .Where(a => a.Id == territory.PupilA.Id).Select(a => a.LockoutEnd).SingleAsync());
        var systemNow = TimeProvider.System.GetUtcNow();
        Assert.InRange(lockoutEnd!.Value, systemNow.AddMinutes(14), systemNow.AddMinutes(16));
    }

    [Fact]
    public async Task SignIn_AccountWithoutPassword_IsRefusedWithTheSameMessage()
    {
        var territory = await app.CreateTerritoryAsync();

        var response = await PreauApp.SubmitFormAsync(app.CreateBrowserClient(), "/connexion", new() { ["Input.Login"] = territory.Unactivated.Login, ["Input.Password"] = PreauApp.Password });

        Assert.Contains("Identifiant ou mot de passe incorrect.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_Administrator_IsAskedForTheSecondFactorAndRefusedWithAWrongCode()
    {
        var territory = await app.CreateTerritoryAsync();
        var client = app.CreateBrowserClient();

        var response = await PreauApp.SubmitFormAsync(client, "/connexion", new() { ["Input.Login"] = territory.Admin.Login, ["Input.Password"] = PreauApp.Password });
        Assert.StartsWith("/connexion/deux-facteurs", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var wrong = await PreauApp.SubmitFormAsync(client, response.Headers.Location.OriginalString, new() { ["Code"] = "000000" });

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Ce code n’est pas valable", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/compte")).StatusCode);
    }

    [Fact]
    public async Task SignIn_AdministratorWithTheRightCode_ReachesHome()
    {
        var territory = await app.CreateTerritoryAsync();

        var client = await app.SignInAsync(territory.Admin);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/compte")).StatusCode);
    }

    [Fact]
    public async Task SignIn_AdministratorWithoutSecondFactor_IsKeptOnTheEnrolmentPage()
    {
        var territory = await app.CreateTerritoryAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Preau.Identity.Accounts.Account>>();
            var admin = (await users.FindByIdAsync(territory.Admin.Id.ToString()))!;
            await users.SetTwoFactorEnabledAsync(admin, false);
        }

        var client = app.CreateBrowserClient();
        var signIn = await PreauApp.SubmitFormAsync(client, "/connexion", new() { ["Input.Login"] = territory.Admin.Login, ["Input.Password"] = PreauApp.Password });
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);

        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/compte/double-authentification", home.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignOut_ThenHome_ShowsTheAnonymousLandingPage()
    {
        var territory = await app.CreateTerritoryAsync();
        var client = await app.SignInAsync(territory.TeacherA);

        var response = await PreauApp.SubmitFormAsync(client, "/deconnexion", []);

        Assert.Equal("/connexion", response.Headers.Location!.OriginalString);
        var home = await PreauApp.GetPageAsync(client, "/");
        Assert.Equal("Bienvenue sur Préau", home.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task SignIn_HostileInput_IsRefusedWithoutError()
    {
        var client = app.CreateBrowserClient();

        var response = await PreauApp.SubmitFormAsync(client, "/connexion", new()
        {
            ["Input.Login"] = "<script>alert(1)</script>' OR 1=1 --",
            ["Input.Password"] = new string('x', 10_000),
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("Le mot de passe ne dépasse pas 256 caractères.", html, StringComparison.Ordinal);
    }
}
