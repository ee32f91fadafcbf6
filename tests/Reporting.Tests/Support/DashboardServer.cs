using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Reporting.Api.Extensions;

namespace Reporting.Tests.Support;

/// <summary>
/// The Reporting service as its Program.cs builds it (service defaults, <c>AddReportingService</c>, the default and
/// dashboard endpoints) on a real Kestrel listening on a free loopback port, with a fresh database and cache prefix.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<DashboardServer> StartAsync(ServersFixture servers, DateTimeOffset now, IDictionary<string, string?>? settings = null)
    {
        var connectionString = await servers.NewDatabaseAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ReportingServiceExtensions).Assembly.GetName().Name,
            EnvironmentName = "Development",
            ContentRootPath = SourceFolders.Reporting,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:" + ReportingServiceExtensions.DatabaseResource] = connectionString,
            ["ConnectionStrings:redis"] = servers.Redis.ConnectionString,
            ["Reporting:Cache:KeyPrefix"] = "test-" + Guid.NewGuid().ToString("N"),
            ["Kestrel:Endpoints:http:Url"] = "http://127.0.0.1:0",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(now));
        builder.AddServiceDefaults();
        builder.AddReportingService();
        builder.AddReportingDashboard();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapReportingEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DashboardServer(app, new Uri(address));
    }

    public HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
