using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Preau.Web;

/// <summary>
/// OpenTelemetry traces and metrics (DESIGN.md, Operations): HTTP server and client, .NET runtime, and
/// Préau's own sources. Exported over OTLP/HTTP (protobuf) when <c>OpenTelemetry:OtlpEndpoint</c> is set
/// to a collector of the territory's choice (e.g. http://collector:4318/); without it, nothing leaves
/// the process. Traces carry routes, never query
/// strings or bodies, so no personal data reaches them.
/// </summary>
internal static class Telemetry
{
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var endpoint = builder.Configuration["OpenTelemetry:OtlpEndpoint"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return builder;
        }

        var otlp = new Uri(endpoint.EndsWith('/') ? endpoint : endpoint + "/");
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("preau", serviceInstanceId: Environment.MachineName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = context => !context.Request.Path.StartsWithSegments("/health");
                    // The URL's query string may hold a search term or a token: keep the path only.
                    o.EnrichWithHttpRequest = (activity, request) => activity.SetTag("url.query", null);
                })
                .AddHttpClientInstrumentation()
                .AddSource("Preau.*")
                .AddOtlpExporter(o => Export(o, new Uri(otlp, "v1/traces"))))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Preau.*")
                .AddOtlpExporter(o => Export(o, new Uri(otlp, "v1/metrics"))));
        return builder;
    }

    private static void Export(OpenTelemetry.Exporter.OtlpExporterOptions options, Uri signalEndpoint)
    {
        // Set in code, an HTTP endpoint is used as is: each signal gets its own path (OTLP/HTTP spec).
        options.Protocol = OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf;
        options.Endpoint = signalEndpoint;
    }
}
