using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;

namespace ReviewMechanism.Bench.GrpcUnary;

/// <summary>
/// Logs and metrics collected the way a deployed service exports them (OpenTelemetry batch log
/// processor, periodic metric reader), with exporters that drop the data instead of sending it:
/// the per-call cost of producing telemetry is measured, not the network.
/// </summary>
public static class BenchTelemetry
{
    private static readonly string[] Meters = ["ReviewMechanism.Grpc.Server", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"];

    public static WebApplicationBuilder AddBenchTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddOpenTelemetry(logging => logging.AddProcessor(new BatchLogRecordExportProcessor(new DroppingExporter<LogRecord>())));
        var meterProvider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(Meters)
            .AddReader(new PeriodicExportingMetricReader(new DroppingExporter<Metric>(), exportIntervalMilliseconds: 10_000))
            .Build();
        builder.Services.AddSingleton(meterProvider);
        return builder;
    }

    private sealed class DroppingExporter<T> : BaseExporter<T>
        where T : class
    {
        public override ExportResult Export(in Batch<T> batch)
        {
            foreach (var _ in batch)
            {
            }
            return ExportResult.Success;
        }
    }
}
