using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

public static class TelemetryExtensions
{
    /// <summary>
    /// OpenTelemetry as in Aspire's ServiceDefaults template: logs, metrics (ASP.NET Core, HttpClient, runtime and
    /// <see cref="TelemetryNames.Meters"/>, less the per-request <see cref="TelemetryNames.DroppedInstruments"/>) and traces (ASP.NET Core without the health probes, HttpClient, gRPC client,
    /// EF Core, Redis, MassTransit and <see cref="TelemetryNames.ActivitySources"/>), exported over OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the AppHost points it at the dashboard). Without it spans are still
    /// created, so trace context flows through HTTP, gRPC and messages (the outbox keeps each event's trace parent).
    /// </summary>
    public static TBuilder AddDefaultTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var serviceName = ServiceNames.Telemetry(builder);
        builder.Services.AddOptions<TelemetryOptions>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter([.. TelemetryNames.Meters, serviceName, builder.Environment.ApplicationName])
                .DropInstruments(TelemetryNames.DroppedInstruments))
            .WithTracing(tracing => tracing
                .SetSampler(TraceSampling.From(builder.Configuration))
                .AddSource([.. TelemetryNames.ActivitySources, serviceName, builder.Environment.ApplicationName])
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsHealthProbe(context.Request.Path))
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddRedisInstrumentation());
        builder.Services.ConfigureOpenTelemetryTracerProvider((services, tracing) =>
            tracing.AddSource([.. services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetryOptions>>().Value.ActivitySources]));
        builder.Services.ConfigureOpenTelemetryMeterProvider((services, metrics) =>
            metrics.AddMeter([.. services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetryOptions>>().Value.Meters]));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>Views that drop these instruments: none of the SDK's listeners enables them, so nothing is measured.</summary>
    private static MeterProviderBuilder DropInstruments(this MeterProviderBuilder metrics, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            metrics.AddView(name, MetricStreamConfiguration.Drop);
        }
        return metrics;
    }

    private static bool IsHealthProbe(PathString path) =>
        path.StartsWithSegments(ServiceDefaultsExtensions.HealthPath) || path.StartsWithSegments(ServiceDefaultsExtensions.AlivePath);
}
