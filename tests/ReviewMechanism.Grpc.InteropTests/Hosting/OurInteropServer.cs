using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReviewMechanism.Grpc.InteropTests.Service;
using Xunit;

namespace ReviewMechanism.Grpc.InteropTests.Hosting;

/// <summary>
/// <see cref="InteropTestService"/>, health and reflection hosted by this library on Kestrel,
/// cleartext HTTP/2 (h2c) on a random loopback port, wired as a service of the platform would be.
/// </summary>
public sealed class OurInteropServer : IAsyncLifetime
{
    private WebApplication? _app;

    public int Port { get; private set; }

    public string Address => $"http://127.0.0.1:{Port}";

    public CapturedLog Log { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(Log);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddHealthChecks();
        builder.Services.AddGrpcServer();
        _app = builder.Build();
        _app.MapGrpcService<InteropTestService>();
        _app.MapGrpcHealthChecksService();
        _app.MapGrpcReflectionService();
        await _app.StartAsync();
        Port = new Uri(_app.Urls.Single()).Port;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
