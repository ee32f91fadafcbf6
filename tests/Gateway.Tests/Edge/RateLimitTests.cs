using System.Net;
using Gateway.Tests.Forwarding;
using Gateway.Tests.Infrastructure;
using Google.Rpc;
using Microsoft.AspNetCore.Http;
using ReviewMechanism.LocalServers;
using Xunit.Abstractions;
using static Gateway.Tests.Infrastructure.ProxyWire;

namespace Gateway.Tests.Edge;

public sealed class RateLimitTests(RedisFixture redis, ITestOutputHelper output) : ForwardingTestBase(output), IClassFixture<RedisFixture>
{
    private async Task<RawBackend> OkBackendAsync() => await BackendAsync(async context =>
    {
        await ReadBodyAsync(context);
        StartGrpcResponse(context);
        SetStatusTrailers(context, 0);
    });

    private async Task<RawBackend> PageBackendAsync() => await BackendAsync(
        context => context.Response.WriteAsync("page"), "pages", Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http1);

    /// <summary>A gateway with a token-protected gRPC route limited per client and an anonymous page route limited per IP.</summary>
    private GatewayHost LimitedGateway(RawBackend backend, string keyPrefix, string name, string redisConnection, bool failClosed = false, RawBackend? pages = null) => Gateway(new ProxySettings()
        .Route("echo", "/test.v1.EchoService/{**rest}", "echo", authorizationPolicy: "default", rateLimiterPolicy: "partners")
        .GrpcCluster("echo", [backend.Address.ToString()])
        .Route("page", "/pages/{**rest}", "pages", rateLimiterPolicy: "pages")
        .Cluster("pages", [(pages ?? backend).Address.ToString()])
        .With("RateLimiting:Enabled", "true")
        .With("RateLimiting:FailClosed", failClosed ? "true" : "false")
        .With("RateLimiting:KeyPrefix", keyPrefix)
        .With("RateLimiting:Policies:partners:PerClient:PermitLimit", "3")
        .With("RateLimiting:Policies:partners:PerClient:Window", "01:00:00")
        .With("RateLimiting:Policies:partners:PerIp:PermitLimit", "1000")
        .With("RateLimiting:Policies:partners:PerIp:Window", "00:01:00")
        .With("RateLimiting:Policies:pages:PerIp:PermitLimit", "2")
        .With("RateLimiting:Policies:pages:PerIp:Window", "01:00:00")
        .With("ConnectionStrings:redis", redisConnection), name);

    /// <summary>A gateway whose gRPC route is limited per IP only, with a limit large enough for batches.</summary>
    private GatewayHost BatchingGateway(RawBackend backend, string keyPrefix, string name, int perHour) => Gateway(new ProxySettings()
        .Route("echo", "/test.v1.EchoService/{**rest}", "echo", authorizationPolicy: "default", rateLimiterPolicy: "busy")
        .GrpcCluster("echo", [backend.Address.ToString()])
        .With("RateLimiting:Enabled", "true")
        .With("RateLimiting:KeyPrefix", keyPrefix)
        .With("RateLimiting:Policies:busy:PerIp:PermitLimit", perHour.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .With("RateLimiting:Policies:busy:PerIp:Window", "01:00:00")
        .With("ConnectionStrings:redis", redis.Server.ConnectionString), name);

    private async Task<long> ScriptRunsAsync()
    {
        using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.Server.ConnectionString + ",allowAdmin=true");
        var stats = await connection.GetServer(connection.GetEndPoints()[0]).InfoAsync("commandstats");
        return stats.SelectMany(g => g).Where(kv => kv.Key is "cmdstat_evalsha" or "cmdstat_eval")
            .Sum(kv => long.Parse(kv.Value.Split(',')[0].Split('=')[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A -bin header's value: base64, padding optional.</summary>

    private static async Task<HttpResponseMessage> CallAsync(GatewayHost gateway, string token)
    {
        using var client = gateway.Grpc();
        var response = await SendAsync(client, Call(EchoPath, [1], token));
        await response.Content.ReadAsByteArrayAsync();
        return response;
    }

    [Fact]
    public async Task TwoGatewaysShareOneClientLimitThroughRedisAndRefuseWithRetryInfo()
    {
        var backend = await OkBackendAsync();
        var prefix = $"test:{Guid.NewGuid():N}";
        var first = LimitedGateway(backend, prefix, "gateway-1", redis.Server.ConnectionString);
        var second = LimitedGateway(backend, prefix, "gateway-2", redis.Server.ConnectionString);
        var partner = Issuer.Token(sub: "partner-ministry");

        Assert.Equal("0", GrpcStatus(await CallAsync(first, partner)));
        Assert.Equal("0", GrpcStatus(await CallAsync(second, partner)));
        Assert.Equal("0", GrpcStatus(await CallAsync(first, partner)));
        using var refused = await CallAsync(second, partner);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("8", Value(refused.Headers, "grpc-status"));
        var message = Uri.UnescapeDataString(Value(refused.Headers, "grpc-message")!);
        Assert.StartsWith("Too many requests from client:partner-ministry (limit 3 per 01:00:00); retry in ", message);
        var (status, info) = Refusal(refused, "RATE_LIMITED");
        Assert.Equal(8, status.Code);
        var retry = status.Details.Single(d => d.Is(RetryInfo.Descriptor)).Unpack<RetryInfo>();
        // One permit of 3 per hour comes back in about 20 minutes.
        Assert.InRange(retry.RetryDelay.ToTimeSpan(), TimeSpan.FromMinutes(19), TimeSpan.FromMinutes(20.1));
        Assert.Equal(("client:partner-ministry", "3 per 01:00:00", EchoPath), (info.Metadata["subject"], info.Metadata["limit"], info.Metadata["method"]));
        Assert.Equal(3, backend.RequestCount);

        // Another client has its own bucket.
        Assert.Equal("0", GrpcStatus(await CallAsync(second, Issuer.Token(sub: "partner-other"))));
    }

    [Fact]
    public async Task PagesOverThePerIpLimitGet429WithRetryAfter()
    {
        var backend = await PageBackendAsync();
        var first = LimitedGateway(backend, $"test:{Guid.NewGuid():N}", "gateway-1", redis.Server.ConnectionString);

        using var client = first.Pages();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pages/a")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pages/b")).StatusCode);
        using var refused = await client.GetAsync("/pages/c");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30.1));
        Assert.StartsWith("Too many requests from ip:127.0.0.1 (limit 2 per 01:00:00)", await refused.Content.ReadAsStringAsync());
        Assert.Equal(2, backend.RequestCount);
    }

    [Fact]
    public async Task UnreachableRedisFailsOpenWithAWarning()
    {
        var backend = await OkBackendAsync();
        var gateway = LimitedGateway(backend, "test:open", "gateway", $"127.0.0.1:{PortAllocator.GetFreePort()},password=none,connectTimeout=300");

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("0", GrpcStatus(await CallAsync(gateway, Issuer.Token())));
        }
        Assert.Equal(5, backend.RequestCount);
        Assert.Single(gateway.Logs.Lines, l => l.Contains("Rate limits are not enforced: Redis could not be asked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnreachableRedisFailsClosedWhenConfigured()
    {
        var backend = await OkBackendAsync();
        var pages = await PageBackendAsync();
        var gateway = LimitedGateway(backend, "test:closed", "gateway", $"127.0.0.1:{PortAllocator.GetFreePort()},password=none,connectTimeout=300", failClosed: true, pages: pages);

        using var refused = await CallAsync(gateway, Issuer.Token());
        using var page = await gateway.Pages().GetAsync("/pages/a");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("14", Value(refused.Headers, "grpc-status"));
        Refusal(refused, "RATE_LIMITING_UNAVAILABLE");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal(0, backend.RequestCount + pages.RequestCount);
    }

    [Fact]
    public async Task ABusyCallerTakesItsPermitsFromRedisInBatches()
    {
        var backend = await OkBackendAsync();
        var gateway = BatchingGateway(backend, $"test:{Guid.NewGuid():N}", "gateway", perHour: 100_000);
        var token = Issuer.Token();
        Assert.Equal("0", GrpcStatus(await CallAsync(gateway, token)));   // connects to Redis
        var before = await ScriptRunsAsync();

        for (var i = 0; i < 60; i++)
        {
            Assert.Equal("0", GrpcStatus(await CallAsync(gateway, token)));
        }

        var runs = await ScriptRunsAsync() - before;
        Output.WriteLine($"60 calls, {runs} rate limit scripts run in Redis");
        Assert.InRange(runs, 1, 10);   // batches of 1, 2, 4 ... 32: about 6 round trips instead of 60
        Assert.Equal(61, backend.RequestCount);
    }

    [Fact]
    public async Task ReplicasTakingBatchesNeverGrantMoreThanTheLimitTogether()
    {
        var backend = await OkBackendAsync();
        var prefix = $"test:{Guid.NewGuid():N}";
        var first = BatchingGateway(backend, prefix, "gateway-1", perHour: 50);
        var second = BatchingGateway(backend, prefix, "gateway-2", perHour: 50);
        var token = Issuer.Token();

        var passed = 0;
        for (var i = 0; i < 80; i++)
        {
            var status = GrpcStatus(await CallAsync(i % 2 == 0 ? first : second, token));
            Assert.True(status is "0" or "8", $"call {i} answered grpc-status {status}");
            passed += status == "0" ? 1 : 0;
        }

        // Batches of at most 5 (a tenth of 50): each replica may hold up to 5 the other cannot use.
        Output.WriteLine($"{passed} of 80 calls passed a limit of 50");
        Assert.InRange(passed, 40, 50);
        Assert.Equal(passed, backend.RequestCount);
    }
}
