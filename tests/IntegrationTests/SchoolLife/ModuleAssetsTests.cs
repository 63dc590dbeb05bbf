namespace Preau.IntegrationTests.SchoolLife;

/// <summary>The module's stylesheet and script are served and linked (CSP: files, never inline).</summary>
public sealed class ModuleAssetsTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Theory]
    [InlineData("/_content/Preau.SchoolLife/schoollife.css", "text/css")]
    [InlineData("/_content/Preau.SchoolLife/schoollife.js", "text/javascript")]
    public async Task Asset_OfTheModule_IsServed(string path, string type)
    {
        var response = await app.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
    }
}
