using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ReviewMechanism.Hosting.Servers;

namespace ReviewMechanism.Hosting.Dashboard;

/// <summary>
/// The dashboard: a server-rendered page (<c>/</c>, refreshing itself), a page per resource with its
/// kept log lines (<c>/resources/{name}</c>), and the same data as JSON (<c>/api/resources</c>).
/// Listens on 127.0.0.1 only; it shows no secrets (no connection strings).
/// </summary>
internal sealed class DashboardServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    private readonly WebApplication _app;

    private DashboardServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<DashboardServer> StartAsync(DistributedApplication application, int port, CancellationToken cancellationToken)
    {
        if (port == 0)
        {
            port = PortAllocator.GetFreePort();
        }
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapGet("/", (HttpContext context) => Html(context, DashboardPage.Render(application)));
        app.MapGet("/resources/{name}", (HttpContext context, string name) =>
            application.Model.Resources.Any(r => r.Name == name)
                ? Html(context, DashboardPage.RenderResource(application, name))
                : Results.NotFound());
        app.MapGet("/api/resources", () => Results.Json(new
        {
            application = new
            {
                name = DashboardPage.ApplicationName(application),
                uptimeSeconds = Math.Round(application.Uptime.TotalSeconds, 1),
                dataDirectory = application.DataDirectory,
            },
            resources = application.GetSnapshots(),
        }, Json));
        app.MapGet("/api/resources/{name}/logs", (string name, int? replica) =>
            application.Model.Resources.Any(r => r.Name == name)
                ? Results.Json(application.GetLogs(name, replica ?? 0), Json)
                : Results.NotFound());
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new DistributedApplicationException(
                $"The dashboard cannot listen on port {port} ({e.Message}). Choose another: --AppHost:DashboardPort=PORT (0: any free port, -1: no dashboard).", e);
        }
        return new DashboardServer(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static IResult Html(HttpContext context, string body)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'";
        return Results.Content(body, "text/html; charset=utf-8");
    }
}
