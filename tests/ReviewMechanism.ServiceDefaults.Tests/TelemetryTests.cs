using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ReviewMechanism.ServiceDefaults.Tests.Infrastructure;

namespace ReviewMechanism.ServiceDefaults.Tests;

public sealed class TelemetryTests
{
    [Fact]
    public async Task TracesMetricsAndLogsAreExportedOverOtlpWhenAnEndpointIsConfigured()
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        var app = await TestApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.ToString(),
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_SERVICE_NAME"] = "otlp-probe",
                // Every trace, as the AppHost configures for development (the default samples one in ten).
                ["Telemetry:TraceSampleRatio"] = "1",
            },
            map: a => a.MapGet("/drawing-of-lots", (ILogger<TelemetryTests> logger) =>
            {
                logger.LogInformation("Drawing of lots done for {CountryReviewId}", "cr-2026-17");
                return Results.Ok();
            }));

        var response = await app.Http.GetAsync("/drawing-of-lots");
        response.EnsureSuccessStatusCode();
        await app.DisposeAsync(); // Stopping flushes every signal.

        Assert.True(collector.Received("/v1/traces", "otlp-probe", "Microsoft.AspNetCore", "/drawing-of-lots"), $"no matching trace export in [{string.Join(", ", collector.Paths)}]");
        Assert.True(collector.Received("/v1/logs", "otlp-probe", "Drawing of lots done for", "cr-2026-17"), $"no matching log export in [{string.Join(", ", collector.Paths)}]");
        Assert.True(collector.Received("/v1/metrics", "otlp-probe", "http.server.request.duration"), $"no matching metric export in [{string.Join(", ", collector.Paths)}]");
    }
}
