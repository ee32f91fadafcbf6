using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using ReviewMechanism.LocalServers;
using ReviewMechanism.ServiceDefaults.Tests.Infrastructure;
using StackExchange.Redis;

namespace ReviewMechanism.ServiceDefaults.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task HealthAndAliveAnswerOnKestrel()
    {
        await using var app = await TestApp.StartAsync();

        var health = await app.Http.GetAsync("/health");
        var alive = await app.Http.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.StartsWith("Healthy", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal("Healthy", await alive.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUnreachableRedisMakesHealthFailWhileTheServiceStaysAlive()
    {
        var closedPort = PortAllocator.GetFreePort();
        await using var app = await TestApp.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:redis"] = $"127.0.0.1:{closedPort},password=x,connectTimeout=500" },
            b => b.AddRedisClient());

        var health = await app.Http.GetAsync("/health");
        var alive = await app.Http.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var body = await health.Content.ReadAsStringAsync();
        Assert.StartsWith("Unhealthy", body, StringComparison.Ordinal);
        Assert.Contains("redis: Unhealthy", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task ACheckThatNeverAnswersMakesHealthUnhealthyWithinTheCheckTimeoutAndNamesIt()
    {
        await using var app = await TestApp.StartAsync(
            configure: b => b.Services.AddHealthChecks().AddAsyncCheck("stuck-broker", async cancellationToken =>
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return HealthCheckResult.Healthy();
            }));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var health = await app.Http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("stuck-broker: Unhealthy", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, ServiceDefaultsExtensions.CheckTimeout, ServiceDefaultsExtensions.CheckTimeout * 3);
    }

    [Fact]
    public async Task ARealRedisIsConnectedAndReportedHealthy()
    {
        using var folder = new TempFolder("redis");
        await using var redis = await RedisServer.StartAsync(new ServerOptions(folder.Path));
        await using var app = await TestApp.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:redis"] = redis.ConnectionString },
            b => b.AddRedisClient());

        var database = app.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        await database.StringSetAsync("review-stage", "desk-review");

        Assert.Equal("desk-review", (string?)await database.StringGetAsync("review-stage"));
        var health = await app.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("redis: Healthy", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void AServiceIsNamedAfterItsApplication()
    {
        Assert.Equal("reviews", ServiceNames.FromApplicationName("Reviews.Api"));
        Assert.Equal("gateway", ServiceNames.FromApplicationName("Gateway"));
        Assert.Equal("reviewmechanism-servicedefaults-tests", ServiceNames.FromApplicationName("ReviewMechanism.ServiceDefaults.Tests"));
    }
}
