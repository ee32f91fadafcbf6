extern alias GatewayApp;

using System.Net;
using Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ReviewMechanism.LocalServers;
using Xunit.Abstractions;

namespace Documents.Tests.Support.Edge;

/// <summary>
/// The real gateway (its Program, appsettings.json routes and pipeline) on two real Kestrel ports as the AppHost
/// runs it: HTTP/1.1 for pages, cleartext HTTP/2 for gRPC; trusting the test issuer; rate limits and the revocation
/// list off (they need Redis and are the gateway's own tests' subject). Gateway.Tests has the same host for its tests.
/// </summary>
public sealed class GatewayHost : WebApplicationFactory<GatewayApp::Program>
{
    private readonly Dictionary<string, string?> _settings;

    private GatewayHost(Dictionary<string, string?> settings, ITestOutputHelper? output, string name)
    {
        _settings = settings;
        Logs = new TestLogging(output, name);
    }

    public TestLogging Logs { get; }

    public Uri HttpAddress { get; private init; } = null!;

    public Uri GrpcAddress { get; private init; } = null!;

    public static GatewayHost Start(TestIssuer issuer, IDictionary<string, string?> settings, ITestOutputHelper? output = null, string name = "gateway")
    {
        var all = new Dictionary<string, string?>
        {
            ["Identity:Authority"] = issuer.Address.ToString(),
            ["Identity:Issuer"] = TestIssuer.Issuer,
            ["RateLimiting:Enabled"] = "false",
            ["Gateway:Revocation:Enabled"] = "false",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }
        var (http, grpc) = (PortAllocator.GetFreePort(), PortAllocator.GetFreePort());
        var host = new GatewayHost(all, output, name) { HttpAddress = new Uri($"http://127.0.0.1:{http}"), GrpcAddress = new Uri($"http://127.0.0.1:{grpc}") };
        host.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, http, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, grpc, listen => listen.Protocols = HttpProtocols.Http2);
        });
        host.StartServer();
        return host;
    }

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
