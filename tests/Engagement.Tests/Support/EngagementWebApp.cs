using System.Net;
using Engagement.Api.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Engagement.Tests.Support;

/// <summary>The Engagement service (pages included) on a real Kestrel port, its own database, real Redis, a movable clock.</summary>
public sealed partial class EngagementWebApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private readonly FakeTimeProvider? _clock;

    private EngagementWebApp(string connectionString, string redis, DateTimeOffset? now, IDictionary<string, string?>? settings)
    {
        _clock = now is { } instant ? new FakeTimeProvider(instant) : null;
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:engagementdb"] = connectionString,
            ["ConnectionStrings:redis"] = redis,
            ["Engagement:PublicBaseUrl"] = "http://engagement.test",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>The service's clock, in the test's hands (only when started with a time).</summary>
    public FakeTimeProvider Clock => _clock ?? throw new InvalidOperationException("This app runs on the system clock.");

    /// <param name="now">The instant the service's clock stands at (moved by the test); null = the system clock.</param>
    /// <param name="settings">Configuration on top of the defaults (public address, identity, mail server).</param>
    public static async Task<EngagementWebApp> StartAsync(PostgresFixture postgres, RedisFixture redis, DateTimeOffset? now, IDictionary<string, string?>? settings = null)
    {
        var app = new EngagementWebApp(await postgres.NewDatabaseAsync(), redis.ConnectionString, now, settings);
        app.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http1AndHttp2);
            kestrel.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2);
        });
        app.StartServer();
        return app;
    }

    /// <summary>The HTTP/1.1 + HTTP/2 endpoint (pages).</summary>
    public Uri Address => Addresses[0];

    /// <summary>The h2c endpoint (gRPC).</summary>
    public Uri GrpcAddress => Addresses[1];

    private Uri[] Addresses => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
        .Select(a => new Uri(a.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"))).ToArray();

    /// <summary>A client that keeps cookies and shows each redirect, like a browser without JavaScript, seen from one address.</summary>
    public HttpClient Browser(string forwardedFor = "203.0.113.7")
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = Address,
        };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }

    public async Task<T> DbAsync<T>(Func<EngagementDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<EngagementDbContext>());
    }

    public async Task<T> UseAsync<T, TService>(Func<TService, Task<T>> work)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<int> ApplicationCountAsync() => DbAsync(db => db.Applications.CountAsync());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseUrls("http://127.0.0.1:0");
        builder.ConfigureServices(services =>
        {
            if (_clock is not null)
            {
                services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));
            }
            services.AddAuthentication(HeaderAuthenticationHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.SchemeName, null);
        });
    }
}
