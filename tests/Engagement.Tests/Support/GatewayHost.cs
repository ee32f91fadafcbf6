extern alias GatewayApp;

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ReviewMechanism.LocalServers;

namespace Engagement.Tests.Support;

/// <summary>
/// The real gateway (src/Gateway: its Program, appsettings.json routes and pipeline) on a real Kestrel port chosen
/// in advance (it is the issuer's public address), forwarding the pages to the Engagement service and the login
/// pages and OpenID Connect endpoints to identity, as the AppHost wires it.
/// </summary>
public sealed class GatewayHost : WebApplicationFactory<GatewayApp::Program>
{
    private readonly Dictionary<string, string?> _settings;

    private GatewayHost(int port, Dictionary<string, string?> settings)
    {
        Port = port;
        _settings = settings;
    }

    public int Port { get; }

    /// <summary>The public address browsers use (HTTP/1.1).</summary>
    public Uri Address => new($"http://127.0.0.1:{Port}");


    /// <summary>Starts the gateway on <paramref name="port"/> in front of <paramref name="engagement"/> and <paramref name="identity"/>.</summary>
    public static GatewayHost Start(int port, Uri engagement, Uri identity, string redis)
    {
        var host = new GatewayHost(port, new Dictionary<string, string?>
        {
            ["Identity:Authority"] = identity.ToString(),
            ["Identity:Issuer"] = $"http://127.0.0.1:{port}",
            ["ConnectionStrings:redis"] = redis,
            ["Gateway:Revocation:Enabled"] = "false",
            ["RateLimiting:Enabled"] = "false",
            ["services:engagement:http:0"] = engagement.ToString(),
            ["services:identity:http:0"] = identity.ToString(),
        });
        host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http1));
        host.StartServer();
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }
}
