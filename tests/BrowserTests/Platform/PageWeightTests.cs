namespace Preau.BrowserTests.Platform;

/// <summary>
/// DESIGN.md, Web: parents use cheap phones on poor networks; a page weighs under ~100 KB on first load
/// (cache empty: the document, stylesheets, scripts, images and fonts it pulls).
/// </summary>
public sealed class PageWeightTests(BrowserFixture browser)
{
    private const int Budget = 100 * 1024;

    // Every response of a loaded page has ended long before this, unless it is a connection kept open.
    private static readonly TimeSpan StillOpen = TimeSpan.FromSeconds(5);

    [Theory(Timeout = Journey.Timeout)]
    [InlineData(null, "/connexion")]
    [InlineData("parent.martin", "/")]
    [InlineData("parent.martin", "/compte/mes-donnees")]
    [InlineData("enseignante.cm2", "/")]
    public async Task FirstLoad_WithAnEmptyCache_WeighsUnder100KB(string? login, string path)
    {
        var page = login is null ? await browser.NewPageAsync() : await browser.SignInAsync(login, DemoApp.DemoPassword);
        // Raw DevTools calls have no Playwright time limit: a hang throws here, with its line.
        var cdp = await page.Context.NewCDPSessionAsync(page).WaitAsync(StillOpen * 3);
        await cdp.SendAsync("Network.setCacheDisabled", new Dictionary<string, object> { ["cacheDisabled"] = true }).WaitAsync(StillOpen * 3);
        var responses = new List<IResponse>();
        page.Response += (_, response) => responses.Add(response);

        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });

        long total = 0;
        foreach (var response in responses)
        {
            // Headers and body as received (Préau does not compress: a reverse proxy may, which only helps).
            // A response that never ends (the live badge's connection) never gives its sizes: Playwright would
            // wait for them forever (the journey hung CI at its limit). Its headers then, as sent.
            var sizing = response.Request.SizesAsync();
            if (await Task.WhenAny(sizing, Task.Delay(StillOpen)) != sizing)
            {
                total += response.Headers.Sum(h => h.Key.Length + h.Value.Length + 4);
                continue;
            }

            var sizes = await sizing;
            total += sizes.ResponseHeadersSize + (response.Status is >= 300 and < 400 ? 0 : await BodyLengthAsync(response, sizes));
        }

        Assert.True(total < Budget, $"{path} weighs {total / 1024} KB on first load ({responses.Count} responses): over the {Budget / 1024} KB budget.");
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    // A script's request may end after the browser dropped its body, or not end: its size as counted then.
    private static async Task<long> BodyLengthAsync(IResponse response, RequestSizesResult sizes)
    {
        try
        {
            return (await response.BodyAsync().WaitAsync(StillOpen)).Length;
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            return sizes.ResponseBodySize;
        }
    }
}
