using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReviewMechanism.Grpc.Client;

namespace ReviewMechanism.Grpc.Client.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on a random loopback port, cleartext HTTP/2 only (what gRPC clients use
/// without TLS), with hand-written endpoints: each test controls the exact bytes on the wire.
/// </summary>
public sealed class RawGrpcServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RawGrpcServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<RawGrpcServer> StartAsync(Action<IEndpointRouteBuilder> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RawGrpcServer(app, new Uri(address));
    }

    /// <summary>A server with one endpoint at a method's path.</summary>
    public static Task<RawGrpcServer> StartAsync(IMethod method, RequestDelegate handler) =>
        StartAsync(endpoints => endpoints.MapPost(method.FullName, handler));

    public GrpcChannel CreateChannel(GrpcChannelOptions? options = null) => GrpcChannel.ForAddress(Address, options);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
