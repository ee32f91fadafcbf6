using System.Net;
using Gateway.Tests.Forwarding;
using Gateway.Tests.Infrastructure;
using Xunit.Abstractions;
using static Gateway.Tests.Infrastructure.GrpcWire;

namespace Gateway.Tests.Routing;

public sealed class PassiveHealthTests(ITestOutputHelper output) : ForwardingTestBase(output)
{
    [Fact]
    public async Task DeadDestinationIsTakenOutAfterConsecutiveFailuresAndTriedAgainAfterReactivation()
    {
        var live = await BackendAsync(async context =>
        {
            await ReadBodyAsync(context);
            StartGrpcResponse(context);
            SetStatusTrailers(context, 0);
        }, "live");
        var dead = FreePort.ClosedAddress();
        var gateway = Gateway(new ProxySettings()
            .Route("echo", "/test.v1.EchoService/{**rest}", "echo")
            .GrpcCluster("echo", [dead, live.Address.ToString()], loadBalancing: "RoundRobin", passiveFailures: 2, reactivation: TimeSpan.FromSeconds(2)));
        using var client = gateway.Grpc();

        var outcomes = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var response = await SendAsync(client, Unary(EchoPath, [1]));
            await response.Content.ReadAsByteArrayAsync();
            outcomes.Add(response.StatusCode);
        }

        // Round robin sends every other call to the dead one until its second failure; then none.
        Assert.Equal(2, outcomes.Count(s => s == HttpStatusCode.BadGateway));
        Assert.All(outcomes.Skip(4), s => Assert.Equal(HttpStatusCode.OK, s));
        var deadState = gateway.Proxy.GetCluster("echo").Destinations.Single(d => d.Address.StartsWith(dead, StringComparison.Ordinal));
        Assert.False(deadState.IsAvailable(TimeProvider.System));
        Assert.Contains(gateway.Logs.Lines, l => l.Contains("failed repeatedly and is out of load balancing", StringComparison.Ordinal));

        // After the reactivation period it is tried again; on probation, one failure takes it out at once.
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        Assert.True(deadState.IsAvailable(TimeProvider.System));
        var after = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await SendAsync(client, Unary(EchoPath, [1]));
            after.Add(response.StatusCode);
        }
        Assert.Equal(1, after.Count(s => s == HttpStatusCode.BadGateway));
        Assert.False(deadState.IsAvailable(TimeProvider.System));
    }

    [Fact]
    public async Task WhenEveryDestinationIsOutTheGatewayAnswers503Unavailable()
    {
        var gateway = Gateway(new ProxySettings()
            .Route("echo", "/test.v1.EchoService/{**rest}", "echo")
            .GrpcCluster("echo", [FreePort.ClosedAddress()], passiveFailures: 1, reactivation: TimeSpan.FromMinutes(5)));
        using var client = gateway.Grpc();

        using (var first = await SendAsync(client, Unary(EchoPath, [1])))
        {
            Assert.Equal(HttpStatusCode.BadGateway, first.StatusCode);
        }
        using var second = await SendAsync(client, Unary(EchoPath, [1]));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal("14", Value(second.Headers, "grpc-status"));
        Assert.Equal("No healthy instance of the 'echo' service is available; retry later.", Value(second.Headers, "grpc-message"));
    }

    [Fact]
    public async Task ApplicationErrorsDoNotCountAsFailures()
    {
        var backend = await BackendAsync(async context =>
        {
            await ReadBodyAsync(context);
            StartGrpcResponse(context);
            context.Response.Headers["grpc-status"] = "13";
            context.Response.Headers["grpc-message"] = "boom";
        });
        var gateway = Gateway(new ProxySettings()
            .Route("echo", "/test.v1.EchoService/{**rest}", "echo")
            .GrpcCluster("echo", [backend.Address.ToString()], passiveFailures: 1));
        using var client = gateway.Grpc();

        for (var i = 0; i < 3; i++)
        {
            using var response = await SendAsync(client, Unary(EchoPath, [1]));
            Assert.Equal("13", Value(response.Headers, "grpc-status"));
        }
        Assert.True(gateway.Proxy.GetCluster("echo").Destinations[0].IsAvailable(TimeProvider.System));
    }
}
