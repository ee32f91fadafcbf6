using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReviewMechanism.LocalServers;
using Yarp.ReverseProxy;
using Xunit.Abstractions;

namespace Gateway.Tests.Infrastructure;

/// <summary>
/// The real gateway (its Program, appsettings.json and pipeline) on two real Kestrel ports, as the
/// AppHost runs it: <see cref="HttpAddress"/> (HTTP/1.1: pages, identity) and <see cref="GrpcAddress"/>
/// (cleartext HTTP/2: gRPC). Tests add configuration on top: service addresses
/// (<c>services:reviews:grpc:0</c>...), extra routes and clusters, rate limits.
/// </summary>
public sealed class GatewayHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private GatewayHost(Dictionary<string, string?> settings, ITestOutputHelper? output, string name, int? httpPort)
    {
        _settings = settings;
        Logs = new TestLogging(output, name);
        HttpPort = httpPort ?? PortAllocator.GetFreePort();
        GrpcPort = PortAllocator.GetFreePort();
    }

    public TestLogging Logs { get; }

    public int HttpPort { get; }

    public int GrpcPort { get; }

    public Uri HttpAddress => new($"http://127.0.0.1:{HttpPort}");

    public Uri GrpcAddress => new($"http://127.0.0.1:{GrpcPort}");

    /// <summary>YARP's view of the routes and clusters (destinations, their health and requests in flight).</summary>
    public IProxyStateLookup Proxy => Services.GetRequiredService<IProxyStateLookup>();

    /// <summary>Starts a gateway trusting <paramref name="issuer"/>; rate limiting and revocation are off unless the settings turn them on.</summary>
    /// <param name="httpPort">The public HTTP port when it must be known in advance (the issuer URL); a free one otherwise.</param>
    public static GatewayHost Start(TestIssuer issuer, IDictionary<string, string?>? settings = null, ITestOutputHelper? output = null, string name = "gateway", int? httpPort = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Identity:Authority"] = issuer.Address.ToString(),
            ["Identity:Issuer"] = TestIssuer.Issuer,
            ["RateLimiting:Enabled"] = "false",
            ["Gateway:Revocation:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var host = new GatewayHost(all, output, name, httpPort);
        host.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, host.HttpPort, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, host.GrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
        });
        host.StartServer();
        return host;
    }

    public HttpClient Grpc() => ProxyWire.Http2Client(GrpcAddress);

    public HttpClient Pages() => ProxyWire.Http1Client(HttpAddress);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(Logs);
        });
    }
}
