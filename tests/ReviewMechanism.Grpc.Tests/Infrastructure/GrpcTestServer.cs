using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReviewMechanism.Grpc.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on two random loopback ports: one HTTP/2-only (cleartext h2c, what gRPC
/// clients use) and one HTTP/1.1-only (to see how the server answers HTTP/1.x).
/// </summary>
public sealed class GrpcTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GrpcTestServer(WebApplication app, Uri http2, Uri http1, TestLoggerProvider logs)
    {
        _app = app;
        Logs = logs;
        Http2Address = http2;
        Http1Address = http1;
    }

    public Uri Http2Address { get; }

    public Uri Http1Address { get; }

    public IServiceProvider Services => _app.Services;

    public TestLoggerProvider Logs { get; }

    public static async Task<GrpcTestServer> StartAsync(
        Action<IServiceCollection>? configureServices = null,
        Action<WebApplication>? configureApp = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var logs = new TestLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddSingleton(logs);
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        configureApp?.Invoke(app);
        await app.StartAsync();

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a))
            .ToList();
        if (addresses.Count != 2)
        {
            throw new InvalidOperationException("Expected two bound addresses, got: " + string.Join(", ", addresses));
        }
        // Kestrel reports the endpoints in the order they were configured.
        return new GrpcTestServer(app, addresses[0], addresses[1], logs);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
