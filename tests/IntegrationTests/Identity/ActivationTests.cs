using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Activation;
using Preau.Identity.Data;

namespace Preau.IntegrationTests.Identity;

/// <summary>A family activates an imported account with the one-time code of its letter.</summary>
public sealed class ActivationTests(PreauApp app) : IClassFixture<PreauApp>
{
    private const string NewPassword = "notre famille aime le préau";

    [Fact]
    public async Task Activate_RightCode_SetsThePasswordSignsInAndShowsTheChild()
    {
        var territory = await app.CreateTerritoryAsync();
        var code = await IssueCodeAsync(territory, territory.Unactivated.Id, TimeSpan.FromDays(30));
        var client = app.CreateBrowserClient();

        var check = await PreauApp.SubmitFormAsync(client, "/activation", new() { ["Activation.Login"] = territory.Unactivated.Login, ["Activation.Code"] = code.ToLowerInvariant() }, handler: "Check");
        var step2 = PreauApp.Parse(await check.Content.ReadAsStringAsync());
        Assert.Contains("Bonjour Nina Nouvelle", step2.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var activate = await PreauApp.PostFormAsync(client, "/activation", step2.Forms.Single(f => f.Action.Contains("Activate", StringComparison.Ordinal)), new()
        {
            ["Input.Password"] = NewPassword,
            ["Input.Confirmation"] = NewPassword,
            ["AcceptTerms"] = "true",
        });

        Assert.Equal("/", activate.Headers.Location!.OriginalString);
        var home = await PreauApp.GetPageAsync(client, "/");
        Assert.Contains("Pauline Élève", home.QuerySelector(".children-list")!.TextContent, StringComparison.Ordinal);
        await app.SignInAsync(territory.Unactivated with { Password = NewPassword });
    }

    [Fact]
    public async Task Activate_CodeAlreadyUsed_IsRefused()
    {
        var territory = await app.CreateTerritoryAsync();
        var code = await IssueCodeAsync(territory, territory.Unactivated.Id, TimeSpan.FromDays(30));
        await ActivateAsync(territory.Unactivated.Login, code, accept: true);

        var again = await PreauApp.SubmitFormAsync(app.CreateBrowserClient(), "/activation", new() { ["Activation.Login"] = territory.Unactivated.Login, ["Activation.Code"] = code }, handler: "Check");

        Assert.Contains("ne correspondent pas, ou le code a expiré", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activate_ExpiredCode_IsRefused()
    {
        var territory = await app.CreateTerritoryAsync();
        var code = await IssueCodeAsync(territory, territory.Unactivated.Id, TimeSpan.FromDays(1));
        app.Clock.Advance(TimeSpan.FromDays(2));

        var check = await PreauApp.SubmitFormAsync(app.CreateBrowserClient(), "/activation", new() { ["Activation.Login"] = territory.Unactivated.Login, ["Activation.Code"] = code }, handler: "Check");

        Assert.Contains("ne correspondent pas, ou le code a expiré", await check.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activate_WithoutAcceptingTheTerms_KeepsTheAccountInactive()
    {
        var territory = await app.CreateTerritoryAsync();
        var code = await IssueCodeAsync(territory, territory.Unactivated.Id, TimeSpan.FromDays(30));

        var response = await ActivateAsync(territory.Unactivated.Login, code, accept: false);

        Assert.Contains("Vous devez accepter les conditions d’utilisation", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var signIn = await PreauApp.SubmitFormAsync(app.CreateBrowserClient(), "/connexion", new() { ["Input.Login"] = territory.Unactivated.Login, ["Input.Password"] = NewPassword });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Fact]
    public async Task Activate_CodeOfAnotherAccount_IsRefused()
    {
        var territory = await app.CreateTerritoryAsync();
        var codeOfSomeoneElse = await IssueCodeAsync(territory, territory.GuardianB.Id, TimeSpan.FromDays(30));

        var check = await PreauApp.SubmitFormAsync(app.CreateBrowserClient(), "/activation", new() { ["Activation.Login"] = territory.Unactivated.Login, ["Activation.Code"] = codeOfSomeoneElse }, handler: "Check");

        Assert.Contains("ne correspondent pas", await check.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activate_SecondStepPostedWithoutLoginOrCode_IsRefusedInFrench()
    {
        var client = app.CreateBrowserClient();
        var firstStep = (await PreauApp.GetPageAsync(client, "/activation")).Forms.Single(f => (f.GetAttribute("action") ?? string.Empty).Contains("handler=Check", StringComparison.Ordinal));
        // The second step's form, as a stale or forged page would post it: no login, no code.
        firstStep.SetAttribute("action", "/activation?handler=Activate");

        var response = await PreauApp.PostFormAsync(client, "/activation", firstStep, new()
        {
            ["Activation.Login"] = string.Empty,
            ["Activation.Code"] = string.Empty,
            ["Input.Password"] = NewPassword,
            ["Input.Confirmation"] = NewPassword,
            ["AcceptTerms"] = "true",
        });

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ne correspondent pas", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> ActivateAsync(string login, string code, bool accept)
    {
        var client = app.CreateBrowserClient();
        var check = await PreauApp.SubmitFormAsync(client, "/activation", new() { ["Activation.Login"] = login, ["Activation.Code"] = code }, handler: "Check");
        var step2 = PreauApp.Parse(await check.Content.ReadAsStringAsync());
        var fields = new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.Confirmation"] = NewPassword };
        if (accept)
        {
            fields["AcceptTerms"] = "true";
        }

        return await PreauApp.PostFormAsync(client, "/activation", step2.Forms.Single(f => f.Action.Contains("Activate", StringComparison.Ordinal)), fields);
    }

    private Task<string> IssueCodeAsync(TestTerritory territory, Guid accountId, TimeSpan validity) =>
        app.InTerritoryAsync(territory.Id, async sp =>
        {
            var db = sp.GetRequiredService<IdentityDbContext>();
            var (code, clear) = ActivationCode.Issue(accountId, app.Clock.GetUtcNow().UtcDateTime, validity);
            db.ActivationCodes.Add(code);
            await db.SaveChangesAsync();
            return ActivationCode.Format(clear);
        });
}
