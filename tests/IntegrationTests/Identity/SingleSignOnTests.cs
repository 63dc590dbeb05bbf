using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Data;

namespace Preau.IntegrationTests.Identity;

/// <summary>DESIGN.md, Identity: Préau is an OpenID Connect provider for the territory's connected services, and its API takes their access tokens.</summary>
public sealed class SingleSignOnTests(SingleSignOnTests.App app) : IClassFixture<SingleSignOnTests.App>
{
    private const string Callback = "http://127.0.0.1:8765/callback";

    [Fact]
    public async Task CodeFlow_GuardianOfTheTerritory_GetsTokensUserInfoAndApiAccess()
    {
        var territory = await app.CreateTerritoryAsync();
        var (clientId, secret) = await RegisterServiceAsync(territory);
        var guardian = await app.SignInAsync(territory.GuardianA);

        var tokens = await SignInToServiceAsync(guardian, clientId, secret);

        Assert.False(string.IsNullOrEmpty(tokens.GetProperty("id_token").GetString()));
        Assert.False(string.IsNullOrEmpty(tokens.GetProperty("refresh_token").GetString()));
        var bearer = app.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new("Bearer", tokens.GetProperty("access_token").GetString());
        using var userInfo = JsonDocument.Parse(await bearer.GetStringAsync("/connect/userinfo"));
        Assert.Equal(territory.GuardianA.Id.ToString(), userInfo.RootElement.GetProperty("sub").GetString());
        Assert.Equal("Gaëlle Élève", userInfo.RootElement.GetProperty("name").GetString());
        // The access token carries the session's rights: the guardian's own data, through the bearer scheme.
        using var export = JsonDocument.Parse(await bearer.GetStringAsync("/compte/mes-donnees?handler=Download"));
        Assert.Equal(territory.GuardianA.Login, export.RootElement.GetProperty("compte").GetProperty("identifiant").GetString());
    }

    [Fact]
    public async Task Authorize_NotSignedIn_GoesThroughTheSignInPageAndComesBack()
    {
        var territory = await app.CreateTerritoryAsync();
        var (clientId, _) = await RegisterServiceAsync(territory);
        var anonymous = app.CreateBrowserClient();

        var response = await anonymous.GetAsync(AuthorizeUrl(clientId, Challenge(Verifier())));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Contains("/connexion?retour=", location, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("/connect/authorize"), location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_AccountOfAnotherTerritory_IsRefused()
    {
        var territory = await app.CreateTerritoryAsync();
        var other = await app.CreateTerritoryAsync();
        var (clientId, _) = await RegisterServiceAsync(territory);
        var stranger = await app.SignInAsync(other.GuardianB);

        var response = await stranger.GetAsync(AuthorizeUrl(clientId, Challenge(Verifier())));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Equal("access_denied", query["error"].ToString());
        Assert.False(query.ContainsKey("code"));
    }

    [Fact]
    public async Task Authorize_UnregisteredRedirectAddress_NeverRedirectsThere()
    {
        var territory = await app.CreateTerritoryAsync();
        var (clientId, _) = await RegisterServiceAsync(territory);
        var guardian = await app.SignInAsync(territory.GuardianA);

        var response = await guardian.GetAsync(AuthorizeUrl(clientId, Challenge(Verifier())).Replace(Uri.EscapeDataString(Callback), Uri.EscapeDataString("https://attaquant.example/vol"), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Refresh_AfterTheAccountWasDeactivated_IsRefused()
    {
        var territory = await app.CreateTerritoryAsync();
        var (clientId, secret) = await RegisterServiceAsync(territory);
        var tokens = await SignInToServiceAsync(await app.SignInAsync(territory.GuardianA), clientId, secret);
        var token = app.CreateClient();
        var refresh = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()!,
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        };
        var first = await token.PostAsync("/connect/token", new FormUrlEncodedContent(refresh));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().Accounts
            .Where(a => a.Id == territory.GuardianA.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.IsActive, false)));
        using var renewed = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        refresh["refresh_token"] = renewed.RootElement.GetProperty("refresh_token").GetString()!;
        var second = await token.PostAsync("/connect/token", new FormUrlEncodedContent(refresh));

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("invalid_grant", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPages_OtherProfilesAndOtherTerritories_CannotReachThem()
    {
        var territory = await app.CreateTerritoryAsync();
        var other = await app.CreateTerritoryAsync();
        await RegisterServiceAsync(territory);
        var serviceId = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().ConnectedServices.Select(s => s.Id).FirstAsync());

        foreach (var account in new[] { territory.HeadA, territory.TeacherA, territory.GuardianA })
        {
            var client = await app.SignInAsync(account);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/services-connectes")).StatusCode);
        }

        var otherAdmin = await app.SignInAsync(other.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync($"/admin/services-connectes/{serviceId}")).StatusCode);
        Assert.DoesNotContain(serviceId.ToString(), await otherAdmin.GetStringAsync("/admin/services-connectes"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_HostileOrMalformedAddresses_AreRefusedWithFrenchMessages()
    {
        var territory = await app.CreateTerritoryAsync();
        var admin = await app.SignInAsync(territory.Admin);

        var response = await PreauApp.SubmitFormAsync(admin, "/admin/services-connectes/nouveau", new()
        {
            ["Input.Name"] = "<script>alert(1)</script>",
            ["Input.RedirectUris"] = "javascript:alert(1)\nhttp://example.com/pas-https\nhttps://ok.example/cb#fragment",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("n’est pas une adresse acceptée", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().ConnectedServices.CountAsync()));
    }

    private async Task<(string ClientId, string Secret)> RegisterServiceAsync(TestTerritory territory)
    {
        var admin = await app.SignInAsync(territory.Admin);
        var response = await PreauApp.SubmitFormAsync(admin, "/admin/services-connectes/nouveau", new()
        {
            ["Input.Name"] = "Moodle du territoire",
            ["Input.RedirectUris"] = Callback,
            ["Input.Confidential"] = "true",
            ["Input.MayUseApi"] = "true",
        });
        var page = PreauApp.Parse(await response.Content.ReadAsStringAsync());
        var codes = page.QuerySelectorAll("dd code").Select(c => c.TextContent).ToList();
        return (codes.Single(c => c.StartsWith("preau-", StringComparison.Ordinal)), page.QuerySelector("code.secret")!.TextContent);
    }

    private static async Task<JsonElement> SignInToServiceAsync(HttpClient browser, string clientId, string secret)
    {
        var verifier = Verifier();
        var authorize = await browser.GetAsync(AuthorizeUrl(clientId, Challenge(verifier)));
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var query = QueryHelpers.ParseQuery(authorize.Headers.Location!.Query);
        Assert.Equal("etat-42", query["state"].ToString());

        var token = await browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = query["code"].ToString(),
            ["redirect_uri"] = Callback,
            ["code_verifier"] = verifier,
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        var json = await token.Content.ReadAsStringAsync();
        Assert.True(token.StatusCode == HttpStatusCode.OK, json);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private static string AuthorizeUrl(string clientId, string challenge) =>
        QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["redirect_uri"] = Callback,
            ["response_type"] = "code",
            ["scope"] = "openid profile offline_access preau:api",
            ["state"] = "etat-42",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        });

    private static string Verifier() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Challenge(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The app over plain HTTP, as in the test server: transport security is the reverse proxy's.</summary>
    public sealed class App : PreauApp
    {
        protected override void Configure(IDictionary<string, string?> settings) => settings["SingleSignOn:RequireHttps"] = "false";
    }
}
