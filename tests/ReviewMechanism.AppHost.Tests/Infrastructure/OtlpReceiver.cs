using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ReviewMechanism.AppHost.Tests.Infrastructure;

/// <summary>
/// Receives the services' OTLP/HTTP exports, one base path per service (<c>/{service}/v1/traces</c>), and keeps
/// the raw protobuf bodies: a trace id is in them as its 16 bytes, a service name as UTF-8.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Service, string Signal, byte[] Body)> _exports = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var receiver = new OtlpReceiver(builder.Build());
        receiver._app.MapPost("/{service}/v1/{signal}", async (HttpContext context, string service, string signal) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            receiver._exports.Enqueue((service, signal, body.ToArray()));
            context.Response.ContentType = "application/x-protobuf";
        });
        await receiver._app.StartAsync();
        receiver.BaseAddress = new Uri(receiver._app.Urls.First());
        return receiver;
    }

    /// <summary>The endpoint to give <paramref name="service"/> as OTEL_EXPORTER_OTLP_ENDPOINT (with protocol http/protobuf).</summary>
    public string EndpointFor(string service) => new Uri(BaseAddress, service).ToString();

    /// <summary>The services that exported at least one span of <paramref name="traceId"/> (32 hex digits).</summary>
    public IReadOnlySet<string> ServicesWithSpansOf(string traceId)
    {
        var bytes = Convert.FromHexString(traceId);
        return _exports.Where(e => e.Signal == "traces" && e.Body.AsSpan().IndexOf(bytes) >= 0).Select(e => e.Service).ToHashSet();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
