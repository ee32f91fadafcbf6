using Gateway.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReviewMechanism.LocalServers;

namespace Reporting.Tests.Support;

/// <summary>
/// The real gateway (src/Gateway: its routes and clusters from its own appsettings.json, its pipeline as its Program.cs
/// builds it) on a real Kestrel on a free loopback port, with the reporting cluster resolved to a running dashboard
/// (<c>services:reporting:http:0</c>, as the AppHost sets it). Rate limits and the revocation list are off: the pages
/// this suite opens are anonymous and those features have their own tests in Gateway.Tests.
/// </summary>
public sealed class GatewayServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The cleartext HTTP/2 port for gRPC (set by <see cref="StartForServicesAsync"/>).</summary>
    public Uri GrpcAddress { get; private init; } = null!;

    /// <summary>
    /// The gateway in front of running services (<paramref name="services"/>: their <c>services:{name}:{endpoint}:0</c>
    /// addresses, as the AppHost sets them), trusting <paramref name="issuer"/>'s tokens, with an HTTP/1.1 port for
    /// pages and a cleartext HTTP/2 port for gRPC as the AppHost runs it.
    /// </summary>
    public static async Task<GatewayServer> StartForServicesAsync(Gateway.Tests.Infrastructure.TestIssuer issuer, IDictionary<string, string?> services)
    {
        var (http, grpc) = (PortAllocator.GetFreePort(), PortAllocator.GetFreePort());
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = "Gateway",
            EnvironmentName = "Production",
            ContentRootPath = SourceFolders.Gateway,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{http}",
            ["Kestrel:Endpoints:http:Protocols"] = "Http1",
            ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{grpc}",
            ["Kestrel:Endpoints:grpc:Protocols"] = "Http2",
            ["Identity:Authority"] = issuer.Address.ToString(),
            ["Identity:Issuer"] = Gateway.Tests.Infrastructure.TestIssuer.Issuer,
            ["RateLimiting:Enabled"] = "false",
            ["Gateway:Revocation:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(services);
        builder.AddServiceDefaults();
        builder.AddGateway();
        var app = builder.Build();
        app.UseGateway();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        return new GatewayServer(app, new Uri($"http://127.0.0.1:{http}")) { GrpcAddress = new Uri($"http://127.0.0.1:{grpc}") };
    }

    public static async Task<GatewayServer> StartAsync(Uri reporting)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = "Gateway",
            EnvironmentName = "Production",
            ContentRootPath = SourceFolders.Gateway,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:http:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:http:Protocols"] = "Http1",
            ["services:reporting:http:0"] = reporting.ToString(),
            // No token is presented on these paths; the authority is read only when one is.
            ["Identity:Authority"] = "http://127.0.0.1:9/",
            ["Identity:Issuer"] = "http://127.0.0.1:9/",
            ["RateLimiting:Enabled"] = "false",
            ["Gateway:Revocation:Enabled"] = "false",
        });
        builder.AddServiceDefaults();
        builder.AddGateway();
        var app = builder.Build();
        app.UseGateway();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GatewayServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
