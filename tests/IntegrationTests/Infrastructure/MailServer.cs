using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Serialization;

namespace Preau.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on loopback for mail tests: maildev (npm), which keeps received mails and
/// serves them over HTTP. Installed by ./test.sh (npm ci --prefix tests/tools).
/// </summary>
public sealed class MailServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _api;

    private MailServer(Process process, int smtpPort, int webPort)
    {
        _process = process;
        SmtpPort = smtpPort;
        _api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/") };
    }

    /// <summary>The SMTP port on 127.0.0.1.</summary>
    public int SmtpPort { get; }

    /// <summary>Starts a maildev process on free ports.</summary>
    public static async Task<MailServer> StartAsync()
    {
        var maildev = Path.Combine(TestPaths.RepositoryRoot, "tests", "tools", "node_modules", "maildev", "bin", "maildev");
        if (!File.Exists(maildev))
        {
            throw new InvalidOperationException($"maildev was not found at {maildev}. Install the test servers with: npm ci --prefix tests/tools (./test.sh does it for you).");
        }

        var smtpPort = FreePort();
        var webPort = FreePort();
        var start = new ProcessStartInfo("node", $"{maildev} --smtp {smtpPort} --web {webPort} --ip 127.0.0.1 --web-ip 127.0.0.1 --silent")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        var server = new MailServer(process, smtpPort, webPort);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var response = await server._api.GetAsync("email");
                if (response.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"maildev exited: {await process.StandardError.ReadToEndAsync()}");
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("maildev did not start within 10 seconds.");
    }

    /// <summary>Every mail received so far.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> MailsAsync() =>
        await _api.GetFromJsonAsync<List<ReceivedMail>>("email") ?? [];

    /// <summary>Mails to one address.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> MailsToAsync(string address) =>
        (await MailsAsync()).Where(m => m.To.Any(t => string.Equals(t.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _api.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>A mail as maildev reports it.</summary>
public sealed record ReceivedMail(
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("html")] string? Html,
    [property: JsonPropertyName("to")] IReadOnlyList<MailAddress> To);

/// <summary>An address of a received mail.</summary>
public sealed record MailAddress([property: JsonPropertyName("address")] string Address);
