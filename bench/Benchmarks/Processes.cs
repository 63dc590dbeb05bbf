using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Preau.Benchmarks;

/// <summary>A finished command: what it printed, how long it took, its peak memory.</summary>
internal sealed record CommandResult(int ExitCode, string Output, TimeSpan Elapsed, long PeakRssBytes);

/// <summary>Runs the Préau binary (the web host or one of its CLI verbs) as a child process on the benchmark's database.</summary>
internal sealed class PreauBinary(string webDll, string connectionString)
{
    /// <summary>Settings every process of the benchmark gets (environment variables, as in production).</summary>
    private Dictionary<string, string> Environment => new()
    {
        ["Database__Provider"] = "Postgres",
        ["Database__ConnectionString"] = connectionString,
        ["Database__MigrateAtStartup"] = "false",
        ["Preau__SeedDemo"] = "false",
        ["Identity__SignInAttemptsPerMinute"] = "10000000",
        ["Logging__LogLevel__Default"] = "Warning",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_gcServer"] = "1",
    };

    /// <summary>Runs a CLI verb to its end, sampling its memory.</summary>
    public Task<CommandResult> RunAsync(params string[] arguments) => RunAsync(new Dictionary<string, string>(), arguments);

    /// <summary>Runs a verb with extra environment variables (runtime settings such as the GC's).</summary>
    public async Task<CommandResult> RunAsync(IReadOnlyDictionary<string, string> settings, params string[] arguments)
    {
        using var process = Start(arguments, settings);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var watch = Stopwatch.StartNew();
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, Memory.PeakRss(process.Id));
            await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(200));
        }

        await process.WaitForExitAsync();
        watch.Stop();
        Console.WriteLine($"  preau {string.Join(' ', arguments)}: exit {process.ExitCode} in {watch.Elapsed.TotalSeconds:F1} s, peak {peak / 1048576} MB");
        return new CommandResult(process.ExitCode, output.ToString(), watch.Elapsed, peak);
    }

    /// <summary>Starts the web host on a free loopback port and waits until it answers.</summary>
    public async Task<WebProcess> StartWebAsync(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var process = Start(["--urls", url], settings);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) { Console.Error.WriteLine("  web: " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                if ((await client.GetAsync(url + "/health/ready")).IsSuccessStatusCode)
                {
                    return new WebProcess(process, url);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (process.HasExited)
            {
                break;
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException("The web host did not become ready.");
    }

    private Process Start(string[] arguments, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(webDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in Environment.Concat(settings))
        {
            start.Environment[key] = value;
        }

        start.WorkingDirectory = Path.GetDirectoryName(webDll)!;
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet could not start.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The running web host.</summary>
internal sealed class WebProcess(Process process, string baseUrl) : IAsyncDisposable
{
    public string BaseUrl { get; } = baseUrl;

    public int Id => process.Id;

    public long RssBytes => Memory.Rss(process.Id);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}

/// <summary>Resident memory of a process, read from /proc (Linux).</summary>
internal static class Memory
{
    public static long Rss(int pid) => Read(pid, "VmRSS:");

    public static long PeakRss(int pid) => Read(pid, "VmHWM:");

    private static long Read(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
