using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

public static class TelemetryExtensions
{
    /// <summary>
    /// OpenTelemetry with the core SDK: traces from <see cref="TelemetryNames.ActivitySources"/>, metrics
    /// from <see cref="TelemetryNames.Meters"/> (plus the service's own name and <see cref="TelemetryOptions"/>),
    /// and logs. Exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; without it spans
    /// are still created, so trace context flows through HTTP, gRPC and messages.
    /// </summary>
    public static TBuilder AddDefaultTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        var otlp = OtlpSettings.From(builder.Configuration);
        var serviceName = ServiceNames.Telemetry(builder);
        var resource = ResourceBuilder.CreateDefault().AddService(serviceName);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.SetResourceBuilder(resource);
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            if (otlp is not null)
            {
                logging.AddOtlpExporter(o => otlp.Apply(o, "/v1/logs"));
            }
        });

        builder.Services.AddOptions<TelemetryOptions>();
        builder.Services.AddSingleton(sp =>
        {
            var extra = sp.GetRequiredService<IOptions<TelemetryOptions>>().Value;
            var tracing = Sdk.CreateTracerProviderBuilder()
                .SetResourceBuilder(resource)
                .SetSampler(TraceSampling.From(builder.Configuration))
                .AddSource([.. TelemetryNames.ActivitySources, serviceName, builder.Environment.ApplicationName, .. extra.ActivitySources]);
            if (otlp is not null)
            {
                tracing.AddOtlpExporter(o => otlp.Apply(o, "/v1/traces"));
            }
            return tracing.Build();
        });
        builder.Services.AddSingleton(sp =>
        {
            var extra = sp.GetRequiredService<IOptions<TelemetryOptions>>().Value;
            var metrics = Sdk.CreateMeterProviderBuilder()
                .SetResourceBuilder(resource)
                .AddMeter([.. TelemetryNames.Meters, serviceName, builder.Environment.ApplicationName, .. extra.Meters]);
            if (otlp is not null)
            {
                metrics.AddOtlpExporter(o => otlp.Apply(o, "/v1/metrics"));
            }
            return metrics.Build();
        });
        builder.Services.AddHostedService<TelemetryStarter>();
        return builder;
    }

    /// <summary>Builds the providers when the host starts (so they listen from the first request) and flushes them when it stops.</summary>
    private sealed class TelemetryStarter(TracerProvider tracerProvider, MeterProvider meterProvider) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken)
        {
            tracerProvider.ForceFlush(5000);
            meterProvider.ForceFlush(5000);
            return Task.CompletedTask;
        }
    }
}
