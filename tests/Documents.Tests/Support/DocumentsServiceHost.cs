using System.Net;
using Documents.Api.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReviewMechanism.LocalServers;

namespace Documents.Tests.Support;

/// <summary>The Documents service as Program.cs builds it, on a real Kestrel at a free loopback port.</summary>
public sealed class DocumentsServiceHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DocumentsServiceHost(WebApplication app, string address, string grpcAddress)
    {
        _app = app;
        Address = new Uri(address);
        GrpcAddress = new Uri(grpcAddress);
    }

    /// <summary>HTTP/1.1 (pages, downloads, health).</summary>
    public Uri Address { get; }

    /// <summary>Cleartext HTTP/2 (gRPC).</summary>
    public Uri GrpcAddress { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<DocumentsServiceHost> StartAsync(string connectionString, string dataDirectory, IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = typeof(DocumentsServiceExtensions).Assembly.GetName().Name, EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        var (httpPort, grpcPort) = (PortAllocator.GetFreePort(), PortAllocator.GetFreePort());
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, httpPort, l => l.Protocols = HttpProtocols.Http1AndHttp2);
            k.Listen(IPAddress.Loopback, grpcPort, l => l.Protocols = HttpProtocols.Http2);
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:documentsdb"] = connectionString,
            ["Documents:DataDirectory"] = dataDirectory,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.AddServiceDefaults();
        builder.AddDocumentsService();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapDocumentsEndpoints();
        await app.StartAsync();
        return new DocumentsServiceHost(app, $"http://127.0.0.1:{httpPort}", $"http://127.0.0.1:{grpcPort}");
    }


    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
