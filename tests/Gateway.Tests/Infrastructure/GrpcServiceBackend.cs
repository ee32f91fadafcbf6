using System.Net;
using Gateway.Tests.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Gateway.Tests.Infrastructure;

/// <summary>The interop TestService on Grpc.AspNetCore, cleartext HTTP/2 on a random port.</summary>
public sealed class GrpcServiceBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GrpcServiceBackend(WebApplication app)
    {
        _app = app;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri Address { get; }

    /// <summary>What the service saw of its calls.</summary>
    public ServiceCalls Calls => _app.Services.GetRequiredService<ServiceCalls>();

    public static async Task<GrpcServiceBackend> StartAsync(ITestOutputHelper? output = null, int maxReceiveMessageSize = 16 * 1024 * 1024)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new TestLogging(output, "grpc-service"));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(options => options.MaxReceiveMessageSize = maxReceiveMessageSize);
        builder.Services.AddSingleton<ServiceCalls>();
        var app = builder.Build();
        app.MapGrpcService<InteropTestService>();
        await app.StartAsync();
        return new GrpcServiceBackend(app);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
