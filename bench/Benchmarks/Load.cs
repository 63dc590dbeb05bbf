using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Preau.Benchmarks;

/// <summary>What wrk measured for one URL.</summary>
internal sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P90Ms, double P99Ms, long Requests, long Errors);

/// <summary>
/// Load from a second process on loopback with wrk (Debian package, DESIGN.md: load generators), with
/// the latency distribution. The session cookie makes every request a signed-in one.
/// </summary>
internal static partial class Load
{
    public static async Task<LoadResult> RunAsync(string url, string? cookie, int connections, TimeSpan duration, string? script = null)
    {
        var arguments = new List<string> { "-t2", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency", "--timeout", "10s" };
        if (cookie is not null)
        {
            arguments.AddRange(["-H", $"Cookie: {cookie}"]);
        }

        if (script is not null)
        {
            arguments.AddRange(["-s", script]);
        }

        arguments.Add(url);
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk could not start: install it with apt-get install wrk (scripts/bench.sh does).");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk failed: {output}{await process.StandardError.ReadToEndAsync()}");
        }

        var errors = NonSuccess().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        errors += SocketErrors().Matches(output).Sum(x => long.Parse(x.Groups[1].Value, CultureInfo.InvariantCulture));
        return new LoadResult(
            double.Parse(Rate().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile(output, "50"),
            Percentile(output, "90"),
            Percentile(output, "99"),
            long.Parse(Total().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            errors);
    }

    /// <summary>A wrk script that sends each request with the next session cookie, in turn.</summary>
    public static async Task<string> CookiesInTurnScriptAsync(IReadOnlyList<string> cookies, string folder)
    {
        var script = Path.Combine(folder, $"cookies-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, $$"""
            local cookies = { {{string.Join(", ", cookies.Select(c => "[[" + c + "]]"))}} }
            local next = 0
            request = function()
              next = next % #cookies + 1
              return wrk.format(nil, nil, { ["Cookie"] = cookies[next] })
            end
            """);
        return script;
    }

    private static double Percentile(string output, string percent)
    {
        var match = Regex.Match(output, $@"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex Rate();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Total();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex SocketErrors();
}

/// <summary>Signs in through the real sign-in page and returns the session cookie for wrk.</summary>
internal static partial class Sessions
{
    public static async Task<string> SignInAsync(string baseUrl, string login, string password)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
        var page = await client.GetStringAsync("/connexion");
        var token = Token().Match(page).Groups[1].Value;
        var response = await client.PostAsync("/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Login"] = login,
            ["Input.Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {login} failed: {(int)response.StatusCode}");
        }

        return cookies.GetCookieHeader(new Uri(baseUrl));
    }

    /// <summary>Signs in every login (a few at a time: the password check is the cost) and returns their cookies.</summary>
    public static async Task<List<string>> SignInAllAsync(string baseUrl, IReadOnlyList<string> logins, string password)
    {
        var cookies = new string[logins.Count];
        await Parallel.ForAsync(0, logins.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) => cookies[i] = await SignInAsync(baseUrl, logins[i], password));
        return [.. cookies];
    }

    /// <summary>A wrk script that posts the sign-in form (token and its cookie taken from one GET).</summary>
    public static async Task<(string Script, string Cookie)> SignInScriptAsync(string baseUrl, string login, string password, string folder)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
        var token = Token().Match(await client.GetStringAsync("/connexion")).Groups[1].Value;
        var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Login"] = login,
            ["Input.Password"] = password,
        });
        var form = await body.ReadAsStringAsync();
        var script = Path.Combine(folder, "sign-in.lua");
        await File.WriteAllTextAsync(script, $"""
            wrk.method = "POST"
            wrk.body = "{form}"
            wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
            """);
        return (script, cookies.GetCookieHeader(new Uri(baseUrl)));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
