namespace Preau.IntegrationTests.Identity;

/// <summary>Sessions survive restarts and work across processes (keys in the database), and can all be ended at once.</summary>
public sealed class SessionTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task Session_CookieFromOneProcess_IsAcceptedByAnotherProcess()
    {
        var territory = await app.CreateTerritoryAsync();
        var client = await app.SignInAsync(territory.TeacherA);
        var cookie = (await client.GetAsync("/compte")).RequestMessage!.Headers.GetValues("Cookie").Single();

        await using var secondProcess = new PreauApp().SharingDatabaseWith(app);
        await secondProcess.InitializeAsync();
        var other = secondProcess.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/compte");
        request.Headers.Add("Cookie", cookie);
        var response = await other.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(territory.TeacherA.Login, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOutEverywhere_EndsTheOtherDevicesSessions()
    {
        var territory = await app.CreateTerritoryAsync();
        var phone = await app.SignInAsync(territory.GuardianA);
        var laptop = await app.SignInAsync(territory.GuardianA);

        await PreauApp.SubmitFormAsync(laptop, "/compte", [], handler: "SignOutEverywhere");
        app.Clock.Advance(TimeSpan.FromMinutes(2));

        var response = await phone.GetAsync("/compte");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/connexion", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_IsToldAndNothingChanges()
    {
        var territory = await app.CreateTerritoryAsync();
        var client = await app.SignInAsync(territory.HeadA);

        var response = await PreauApp.SubmitFormAsync(client, "/compte/mot-de-passe", new()
        {
            ["CurrentPassword"] = "ce n’est pas le bon",
            ["Input.Password"] = "un tout nouveau mot de passe",
            ["Input.Confirmation"] = "un tout nouveau mot de passe",
        });

        Assert.Contains("Le mot de passe actuel est incorrect.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await app.SignInAsync(territory.HeadA);
    }
}
