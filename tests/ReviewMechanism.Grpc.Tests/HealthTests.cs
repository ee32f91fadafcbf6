using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Builder;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ReviewMechanism.Grpc.Tests;

public sealed class HealthTests : IAsyncLifetime
{
    private const string Check = "/grpc.health.v1.Health/Check";
    private const string Watch = "/grpc.health.v1.Health/Watch";
    private readonly Switch _database = new();
    private GrpcTestServer _server = null!;
    private RawGrpcClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await StartHealthServerAsync(_database);
        _client = new RawGrpcClient(_server.Http2Address);
    }

    private static Task<GrpcTestServer> StartHealthServerAsync(Switch database) =>
        GrpcTestServer.StartAsync(
            services =>
            {
                services.AddSingleton<ProbeObservations>();
                services.AddGrpcServer();
                services.AddGrpcHealthChecks(o => o.WatchInterval = TimeSpan.FromMilliseconds(50))
                    .AddCheck("self", () => HealthCheckResult.Healthy())
                    .AddCheck("database", () => database.Healthy ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("down"), ["reviews-db"])
                    .AddCheck("cache", () => HealthCheckResult.Degraded("slow"), ["cache"]);
            },
            app =>
            {
                app.MapGrpcService<ProbeServiceImpl>();
                app.MapGrpcHealthChecksService();
            });

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<RawResponse> CheckAsync(string service) =>
        await _client.PostAsync(Check, Frames.Of(new HealthCheckRequest { Service = service }));

    private static ServingStatus StatusOf(RawResponse response) => Assert.Single(response.Messages).Parse(HealthCheckResponse.Parser).Status;

    [Fact]
    public async Task TheOverallStatusFollowsEveryCheck()
    {
        Assert.Equal(ServingStatus.Serving, StatusOf(await CheckAsync("")));

        _database.Healthy = false;

        Assert.Equal(ServingStatus.NotServing, StatusOf(await CheckAsync("")));
    }

    [Fact]
    public async Task ANamedServiceFollowsTheChecksTaggedWithIt()
    {
        _database.Healthy = false;

        Assert.Equal(ServingStatus.NotServing, StatusOf(await CheckAsync("reviews-db")));
        Assert.Equal(ServingStatus.Serving, StatusOf(await CheckAsync("cache")));
    }

    [Fact]
    public async Task AMappedGrpcServiceWithoutTaggedChecksFollowsTheOverallStatus()
    {
        Assert.Equal(ServingStatus.Serving, StatusOf(await CheckAsync("reviewmechanism.testing.v1.ProbeService")));
    }

    [Fact]
    public async Task AnUnknownServiceIsNotFound()
    {
        var response = await CheckAsync("no-such-service");

        Assert.True(response.IsTrailersOnly, response.ToString());
        Assert.Equal(5, response.GrpcStatus);
        Assert.Contains("no-such-service", response.GrpcMessageRaw);
    }

    [Fact]
    public async Task WatchSendsTheCurrentStatusThenEveryChange()
    {
        using var response = await _client.StartAsync(RawGrpcClient.Request(Watch, new ByteArrayContent(Frames.Of(new HealthCheckRequest { Service = "reviews-db" }))));
        var body = await response.Content.ReadAsStreamAsync();

        Assert.Equal(ServingStatus.Serving, await ReadStatusAsync(body));
        _database.Healthy = false;
        Assert.Equal(ServingStatus.NotServing, await ReadStatusAsync(body));
        _database.Healthy = true;
        Assert.Equal(ServingStatus.Serving, await ReadStatusAsync(body));
    }

    [Fact]
    public async Task WatchOfAnUnknownServiceSaysServiceUnknownAndKeepsTheStreamOpen()
    {
        using var response = await _client.StartAsync(RawGrpcClient.Request(Watch, new ByteArrayContent(Frames.Of(new HealthCheckRequest { Service = "later" }))));
        var body = await response.Content.ReadAsStreamAsync();

        Assert.Equal(ServingStatus.ServiceUnknown, await ReadStatusAsync(body));
        var next = body.ReadAsync(new byte[1]).AsTask();
        Assert.NotSame(next, await Task.WhenAny(next, Task.Delay(300)));
    }

    [Fact]
    public async Task WatchSaysNotServingWhenTheServerStops()
    {
        var server = await StartHealthServerAsync(new Switch());
        using var client = new RawGrpcClient(server.Http2Address);
        using var response = await client.StartAsync(RawGrpcClient.Request(Watch, new ByteArrayContent(Frames.Of(new HealthCheckRequest()))));
        var body = await response.Content.ReadAsStreamAsync();
        Assert.Equal(ServingStatus.Serving, await ReadStatusAsync(body));

        var stopping = server.DisposeAsync().AsTask();

        Assert.Equal(ServingStatus.NotServing, await ReadStatusAsync(body));
        await stopping;
    }

    private static async Task<ServingStatus> ReadStatusAsync(Stream body)
    {
        var header = new byte[5];
        await body.ReadExactlyAsync(header).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var payload = new byte[System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(1))];
        await body.ReadExactlyAsync(payload);
        return HealthCheckResponse.Parser.ParseFrom(payload).Status;
    }

    private sealed class Switch
    {
        public volatile bool Healthy = true;
    }
}
