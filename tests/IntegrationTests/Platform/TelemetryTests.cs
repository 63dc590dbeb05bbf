using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Preau.IntegrationTests.Platform;

/// <summary>DESIGN.md, Operations: traces reach an OTLP collector, without query strings.</summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private readonly HttpListener _collector = new();
    private readonly List<(string Path, byte[] Body)> _received = [];
    private TelemetryApp? _app;

    public async ValueTask InitializeAsync()
    {
        var port = FreePort();
        _collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        _collector.Start();
        _ = Task.Run(async () =>
        {
            while (_collector.IsListening)
            {
                try
                {
                    var context = await _collector.GetContextAsync();
                    using var body = new MemoryStream();
                    await context.Request.InputStream.CopyToAsync(body);
                    lock (_received)
                    {
                        _received.Add((context.Request.Url!.AbsolutePath, body.ToArray()));
                    }

                    context.Response.StatusCode = 200;
                    context.Response.Close();
                }
                catch (HttpListenerException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
            }
        });
        _app = new TelemetryApp($"http://127.0.0.1:{port}/");
        await _app.InitializeAsync();
    }

    [Fact]
    public async Task Request_WithACollectorConfigured_ExportsTheSpanWithoutItsQueryString()
    {
        var client = _app!.CreateBrowserClient();
        await client.GetAsync("/connexion?retour=%2Fsecret-de-recherche");

        // The server's span ends just after the response reaches the test client, and an earlier batch (the
        // host's own spans) may be exported first: flush until the request's span is among the exports.
        var tracer = _app.Services.GetRequiredService<TracerProvider>();
        for (var attempt = 0; attempt < 100 && !ExportedTraces().Contains("/connexion", StringComparison.Ordinal); attempt++)
        {
            tracer.ForceFlush(5_000);
            await Task.Delay(50);
        }

        var text = ExportedTraces();
        Assert.Contains("/connexion", text, StringComparison.Ordinal);
        Assert.Contains("preau", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-de-recherche", text, StringComparison.Ordinal);
    }

    private string ExportedTraces()
    {
        lock (_received)
        {
            return Encoding.UTF8.GetString(_received.Where(r => r.Path == "/v1/traces").SelectMany(r => r.Body).ToArray());
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _collector.Close();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class TelemetryApp(string endpoint) : PreauApp
    {
        protected override void Configure(IDictionary<string, string?> settings) => settings["OpenTelemetry:OtlpEndpoint"] = endpoint;
    }
}
