namespace Preau.IntegrationTests.Identity;

public sealed class RateLimitTests(RateLimitTests.StrictApp app) : IClassFixture<RateLimitTests.StrictApp>
{
    [Fact]
    public async Task SignIn_TooManyAttemptsFromOneAddress_AnswersTooManyRequestsInFrench()
    {
        var client = app.CreateBrowserClient();
        for (var i = 0; i < 3; i++)
        {
            var allowed = await PreauApp.SubmitFormAsync(client, "/connexion", new() { ["Input.Login"] = "quelqu.un", ["Input.Password"] = "essai numéro " + i });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var refused = await PreauApp.SubmitFormAsync(client, "/connexion", new() { ["Input.Login"] = "quelqu.un", ["Input.Password"] = "encore un essai" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Trop de tentatives", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public sealed class StrictApp : PreauApp
    {
        protected override void Configure(IDictionary<string, string?> settings) => settings["Identity:SignInAttemptsPerMinute"] = "3";
    }
}
