extern alias GatewayApi;

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReviewMechanism.LocalServers;

namespace Identity.Tests.Infrastructure;

/// <summary>
/// The mechanism's real gateway (src/Gateway on YARP: its Program, appsettings.json routes, edge token validation and
/// the revocation list read from Redis) on two real Kestrel ports, in front of the identity service (<c>/connect/*</c>,
/// <c>/.well-known/*</c>, <c>/Account/*</c>, and AccountsService on identity's h2c port when given) and of extra
/// routes the test adds, as the AppHost configures it.
/// </summary>
public sealed class GatewayService : WebApplicationFactory<GatewayApi::Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly int _grpcPort = PortAllocator.GetFreePort();

    private GatewayService(Dictionary<string, string?> settings, int httpPort)
    {
        _settings = settings;
        HttpPort = httpPort;
    }

    public int HttpPort { get; }

    public string PublicUrl => $"http://127.0.0.1:{HttpPort}";

    /// <summary>The cleartext HTTP/2 port: gRPC clients call the services here.</summary>
    public Uri GrpcAddress => new($"http://127.0.0.1:{_grpcPort}");

    /// <param name="routes">Extra HTTP/1.1 routes: path pattern -> backend address, each requiring a valid access token.</param>
    /// <param name="redis">The Redis identity writes revocations to; the gateway reads its revocation list there.</param>
    /// <param name="grpcRoutes">Extra gRPC routes (HTTP/2 to the backend): path pattern -> backend address, each requiring a valid access token.</param>
    /// <param name="identityGrpc">Identity's h2c address, for the gateway's AccountsService route.</param>
    public static GatewayService Start(int httpPort, IdentityApp identity, string issuer, IReadOnlyDictionary<string, Uri> routes,
        string redis, IReadOnlyDictionary<string, Uri>? grpcRoutes = null, Uri? identityGrpc = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Identity:Authority"] = identity.Address.ToString(),
            ["Identity:Issuer"] = issuer,
            ["services:identity:http:0"] = identity.Address.ToString(),
            ["ConnectionStrings:redis"] = redis,
            ["Gateway:Revocation:Enabled"] = "true",
            ["RateLimiting:Enabled"] = "false",
        };
        if (identityGrpc is not null) settings["services:identity:grpc:0"] = identityGrpc.ToString();
        var i = 0;
        foreach (var (path, backend, grpc) in routes.Select(r => (r.Key, r.Value, false)).Concat((grpcRoutes ?? new Dictionary<string, Uri>()).Select(r => (r.Key, r.Value, true))))
        {
            var id = $"test-{i++}";
            settings[$"ReverseProxy:Routes:{id}:ClusterId"] = id;
            settings[$"ReverseProxy:Routes:{id}:Match:Path"] = path;
            settings[$"ReverseProxy:Routes:{id}:AuthorizationPolicy"] = "default";
            settings[$"ReverseProxy:Clusters:{id}:Destinations:d0:Address"] = backend.ToString();
            if (grpc)
            {
                settings[$"ReverseProxy:Clusters:{id}:HttpRequest:Version"] = "2.0";
                settings[$"ReverseProxy:Clusters:{id}:HttpRequest:VersionPolicy"] = "RequestVersionExact";
            }
        }
        var gateway = new GatewayService(settings, httpPort);
        gateway.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, gateway.HttpPort, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, gateway._grpcPort, listen => listen.Protocols = HttpProtocols.Http2);
        });
        gateway.StartServer();
        return gateway;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.ClearProviders());
    }
}
