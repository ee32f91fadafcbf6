using System.Diagnostics.Metrics;
using Grpc.AspNetCore.Server;
using ReviewMechanism.Bench.GrpcUnary;

// variant (comma-separated): product (default: as ProductServer), noauth (no token validation), noint (no
// interceptors), plain (Grpc.AspNetCore alone), plain,tel (with the services' OpenTelemetry).
using var sampler = Environment.GetEnvironmentVariable("ALLOC_SAMPLE") == "1" ? new AllocationSampler() : null;
using var instruments = new InstrumentList();

var builder = BenchHosting.CreateBuilder(args);
var variant = (builder.Configuration["variant"] ?? "product").Split(',', StringSplitOptions.TrimEntries);
builder.Configuration["Identity:Authority"] ??= "http://127.0.0.1:9/";
if (variant.Contains("plain"))
{
    builder.Services.AddGrpc();
    if (variant.Contains("tel"))
    {
        builder.AddDefaultTelemetry();
    }
}
else
{
    builder.AddServiceDefaults();
    if (!variant.Contains("noauth"))
    {
        builder.AddDefaultAuthentication();
    }
    if (variant.Contains("noint"))
    {
        builder.Services.Configure<GrpcServiceOptions>(o => o.Interceptors.Clear());
    }
}

var app = builder.Build();
app.UseBenchStats();
app.MapGet("/bench/alloc", () => sampler is null ? "ALLOC_SAMPLE=1 not set" : string.Join('\n',
    sampler.BytesByType.OrderByDescending(t => t.Value).Take(60).Select(t => $"{t.Value}\t{t.Key}")));
app.MapGet("/bench/allocreset", () => sampler?.BytesByType.Clear());
app.MapGet("/bench/instruments", () => string.Join('\n', instruments.Enabled()));
if (!variant.Contains("plain"))
{
    app.MapDefaultEndpoints();
}
app.MapGrpcService<BenchTestService>();
await app.RunAndAnnounceAsync();

/// <summary>Every instrument created in the process; which of them some listener (OpenTelemetry) measures.</summary>
internal sealed class InstrumentList : IDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentBag<Instrument> _all = [];
    private readonly MeterListener _listener = new();

    public InstrumentList()
    {
        _listener.InstrumentPublished = (instrument, _) => _all.Add(instrument);
        _listener.Start();
    }

    public IEnumerable<string> Enabled() =>
        _all.Where(i => i.Enabled).Select(i => $"{i.Meter.Name}\t{i.Name}").Order(StringComparer.Ordinal);

    public void Dispose() => _listener.Dispose();
}
