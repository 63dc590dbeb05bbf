namespace Preau.BrowserTests.Platform;

/// <summary>
/// DESIGN.md, Web: parents use cheap phones on poor networks; a page weighs under ~100 KB on first load
/// (cache empty: the document, stylesheets, scripts, images and fonts it pulls).
/// </summary>
public sealed class PageWeightTests(BrowserFixture browser)
{
    private const int Budget = 100 * 1024;

    [Theory(Timeout = Journey.Timeout)]
    [InlineData(null, "/connexion")]
    [InlineData("parent.martin", "/")]
    [InlineData("parent.martin", "/compte/mes-donnees")]
    [InlineData("enseignante.cm2", "/")]
    public async Task FirstLoad_WithAnEmptyCache_WeighsUnder100KB(string? login, string path)
    {
        var page = login is null ? await browser.NewPageAsync() : await browser.SignInAsync(login, DemoApp.DemoPassword);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.setCacheDisabled", new Dictionary<string, object> { ["cacheDisabled"] = true });
        var responses = new List<IResponse>();
        page.Response += (_, response) => responses.Add(response);

        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });

        long total = 0;
        foreach (var response in responses)
        {
            // Headers and body as received (Préau does not compress: a reverse proxy may, which only helps).
            var sizes = await response.Request.SizesAsync();
            total += sizes.ResponseHeadersSize + (response.Status is >= 300 and < 400 ? 0 : await BodyLengthAsync(response, sizes));
        }

        Assert.True(total < Budget, $"{path} weighs {total / 1024} KB on first load ({responses.Count} responses): over the {Budget / 1024} KB budget.");
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    // A script's request may end after the browser dropped its body (the live badge's connection): its size then.
    private static async Task<long> BodyLengthAsync(IResponse response, RequestSizesResult sizes)
    {
        try
        {
            return (await response.BodyAsync()).Length;
        }
        catch (PlaywrightException)
        {
            return sizes.ResponseBodySize;
        }
    }
}
