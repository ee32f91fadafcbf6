using System.Net;
using Documents.Api.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Documents.Tests.Support;

/// <summary>The Documents service as Program.cs builds it, on a real Kestrel at a free loopback port.</summary>
public sealed class DocumentsServiceHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DocumentsServiceHost(WebApplication app, string address)
    {
        _app = app;
        Address = new Uri(address);
    }

    public Uri Address { get; }

    public static async Task<DocumentsServiceHost> StartAsync(string connectionString, string dataDirectory, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = typeof(DocumentsApplicationExtensions).Assembly.GetName().Name, EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
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
        builder.AddDocumentsApplication();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapDocumentsEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new DocumentsServiceHost(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
