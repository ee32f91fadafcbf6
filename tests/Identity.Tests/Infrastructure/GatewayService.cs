extern alias GatewayApi;

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Identity.Tests.Infrastructure;

/// <summary>
/// The mechanism's real gateway (src/Gateway: its Program, appsettings.json routes and edge token validation) on
/// two real Kestrel ports, in front of the identity service (<c>/connect/*</c>, <c>/.well-known/*</c>,
/// <c>/Account/*</c>) and of extra HTTP routes the test adds, as the AppHost configures it.
/// </summary>
public sealed class GatewayService : WebApplicationFactory<GatewayApi::Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly int _grpcPort = FreePorts.Next();

    private GatewayService(Dictionary<string, string?> settings, int httpPort)
    {
        _settings = settings;
        HttpPort = httpPort;
    }

    public int HttpPort { get; }

    public string PublicUrl => $"http://127.0.0.1:{HttpPort}";

    /// <param name="routes">Extra routes: path pattern -> backend address, each requiring a valid access token.</param>
    public static GatewayService Start(int httpPort, IdentityApp identity, string issuer, IReadOnlyDictionary<string, Uri> routes)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Identity:Authority"] = identity.Address.ToString(),
            ["Identity:Issuer"] = issuer,
            ["services:identity:http:0"] = identity.Address.ToString(),
            ["RateLimiting:Enabled"] = "false",
        };
        var i = 0;
        foreach (var (path, backend) in routes)
        {
            var id = $"test-{i++}";
            settings[$"ReverseProxy:Routes:{id}:ClusterId"] = id;
            settings[$"ReverseProxy:Routes:{id}:Match:Path"] = path;
            settings[$"ReverseProxy:Routes:{id}:AuthorizationPolicy"] = "default";
            settings[$"ReverseProxy:Clusters:{id}:Destinations:d0:Address"] = backend.ToString();
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
