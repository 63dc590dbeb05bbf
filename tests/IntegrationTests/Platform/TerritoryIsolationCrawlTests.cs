using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;

namespace Preau.IntegrationTests.Platform;

/// <summary>
/// DESIGN.md, Tenancy and rights, across every module at once: each demo account browses the demo
/// territory (every link it can reach from its home page, every module's demo data), then the same
/// profile in another territory asks for every address that names a resource (an id in its path or
/// query). It must get "not found" (or "forbidden"), or exactly what an unknown id gives (a filter
/// that ignores it): never the resource, and nothing that tells it exists. Addresses that anonymous
/// visitors may read (public pages) are left aside. On the way, every link the account is shown must
/// open for it: a link to a page that refuses its reader is a dead end.
/// </summary>
public sealed partial class TerritoryIsolationCrawlTests(PreauAppWithDemo app) : IClassFixture<PreauAppWithDemo>
{
    private const int MaxPagesPerAccount = 250;

    [Theory]
    [InlineData("parent.martin")]
    [InlineData("eleve.lucas")]
    [InlineData("enseignante.cm2")]
    [InlineData("professeur.maths")]
    [InlineData("directeur.jaures")]
    [InlineData("cpe.hugo")]
    [InlineData("animateur.jaures")]
    [InlineData("agent.education")]
    [InlineData("elue.education")]
    [InlineData("admin.valmont")]
    public async Task ResourceAddresses_OfTheDemoTerritory_AreNotFoundForTheSameProfileOfAnotherTerritory(string login)
    {
        var owner = await app.SignInAsync(await app.DemoAccountAsync(login));
        var (visited, resources, deadEnds) = await CrawlAsync(owner);
        Assert.True(deadEnds.Count == 0, $"Links shown to {login} that refuse {login}:\n" + string.Join("\n", deadEnds));
        var other = await app.CreateTerritoryAsync();
        var stranger = await app.SignInAsync(SameProfile(other, login));
        var anonymous = app.CreateBrowserClient();

        var leaks = new List<string>();
        foreach (var url in resources)
        {
            if ((await anonymous.GetAsync(url)).StatusCode == HttpStatusCode.OK)
            {
                continue;
            }

            var response = await stranger.GetAsync(url);
            if (response.IsSuccessStatusCode && !await SameAsForAnUnknownIdAsync(stranger, url, response))
            {
                leaks.Add($"{url} → {(int)response.StatusCode}");
            }
        }

        Assert.True(visited > 1, $"{login} reached no page from the home page.");
        Assert.True(leaks.Count == 0, $"{login}'s resources readable from another territory:\n" + string.Join("\n", leaks));
    }

    /// <summary>Whether the answer is the one an id that exists nowhere gets (ids and form tokens aside).</summary>
    private static async Task<bool> SameAsForAnUnknownIdAsync(HttpClient client, string url, HttpResponseMessage response)
    {
        var unknown = Identifier().Replace(url, _ => Guid.NewGuid().ToString());
        using var control = await client.GetAsync(unknown);
        return control.StatusCode == response.StatusCode
            && Normalize(await control.Content.ReadAsStringAsync()) == Normalize(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Ids, form tokens and the random element ids of form fields differ at every rendering.</summary>
    private static string Normalize(string html) => ElementIds().Replace(Token().Replace(Identifier().Replace(html, "id"), "token"), "$1=\"\"");

    private static TestAccount SameProfile(TestTerritory territory, string login) => login switch
    {
        "parent.martin" => territory.GuardianA,
        "eleve.lucas" => territory.PupilA,
        "enseignante.cm2" or "professeur.maths" => territory.TeacherA,
        "directeur.jaures" => territory.HeadA,
        "cpe.hugo" => territory.SchoolLifeA,
        "animateur.jaures" => territory.AfterSchoolA,
        "agent.education" => territory.Agent,
        "elue.education" => territory.Elected,
        _ => territory.Admin,
    };

    /// <summary>Follows the same-site links of the pages reachable from home (GET only), breadth first.</summary>
    private static async Task<(int Visited, IReadOnlyCollection<string> Resources, IReadOnlyList<string> DeadEnds)> CrawlAsync(HttpClient client)
    {
        var queue = new Queue<string>(["/"]);
        var shownOn = new Dictionary<string, string>(StringComparer.Ordinal);
        var deadEnds = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var resources = new SortedSet<string>(StringComparer.Ordinal);
        var visited = 0;
        while (queue.Count > 0 && visited < MaxPagesPerAccount)
        {
            var url = queue.Dequeue();
            using var response = await client.GetAsync(url);
            visited++;
            if ((int)response.StatusCode >= 400)
            {
                deadEnds.Add($"{url} → {(int)response.StatusCode}, linked from {shownOn.GetValueOrDefault(url)}");
            }

            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var page = PreauApp.Parse(await response.Content.ReadAsStringAsync());
            foreach (var link in page.QuerySelectorAll("a[href]").OfType<IHtmlAnchorElement>())
            {
                var href = link.GetAttribute("href")!;
                if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal) || IsExcluded(href))
                {
                    continue;
                }

                href = href.Split('#')[0];
                if (Identifier().IsMatch(href))
                {
                    resources.Add(href);
                }

                if (seen.Add(href))
                {
                    queue.Enqueue(href);
                    shownOn[href] = url;
                }
            }
        }

        return (visited, resources, deadEnds);
    }

    private static bool IsExcluded(string href) =>
        href.StartsWith("/deconnexion", StringComparison.Ordinal) || href.StartsWith("/css/", StringComparison.Ordinal)
        || href.StartsWith("/js/", StringComparison.Ordinal) || href.StartsWith("/_content/", StringComparison.Ordinal)
        || href.StartsWith("/api/docs", StringComparison.Ordinal);

    [GeneratedRegex("\\b(id|for|aria-describedby|aria-labelledby|aria-controls)=\"[^\"]*\"")]
    private static partial Regex ElementIds();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex Token();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Identifier();
}
