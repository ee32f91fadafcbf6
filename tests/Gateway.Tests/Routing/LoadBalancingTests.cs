using Gateway.Tests.Forwarding;
using Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;
using static Gateway.Tests.Infrastructure.GrpcWire;

namespace Gateway.Tests.Routing;

public sealed class LoadBalancingTests(ITestOutputHelper output) : ForwardingTestBase(output)
{
    private static Func<HttpContext, Task> Answer(string name, TaskCompletionSource? hold = null) => async context =>
    {
        await ReadBodyAsync(context);
        StartGrpcResponse(context);
        if (hold is not null && context.Request.Headers["x-hold"] == "yes")
        {
            await WriteMessageAsync(context, System.Text.Encoding.UTF8.GetBytes(name));
            await hold.Task.WaitAsync(Patience, context.RequestAborted);
        }
        else
        {
            await WriteMessageAsync(context, System.Text.Encoding.UTF8.GetBytes(name));
        }
        SetStatusTrailers(context, 0);
    };

    private static async Task<string> CallAsync(HttpClient client, bool hold = false)
    {
        var request = Unary(EchoPath, [1]);
        if (hold)
        {
            request.Headers.TryAddWithoutValidation("x-hold", "yes");
        }
        using var response = await SendAsync(client, request);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("0", GrpcStatus(response));
        return System.Text.Encoding.UTF8.GetString(body, 5, body.Length - 5);
    }

    [Fact]
    public async Task RoundRobinAlternatesBetweenTwoDestinations()
    {
        var a = await BackendAsync(Answer("a"), "a");
        var b = await BackendAsync(Answer("b"), "b");
        var gateway = EchoGateway([a.Address.ToString(), b.Address.ToString()], configure: s => s.With("ReverseProxy:Clusters:echo:LoadBalancingPolicy", "RoundRobin"));

        using var client = gateway.Grpc();
        var answers = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            answers.Add(await CallAsync(client));
        }

        Assert.Equal(5, answers.Count(x => x == "a"));
        Assert.Equal(5, answers.Count(x => x == "b"));
        Assert.All(answers.Zip(answers.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Theory]
    [InlineData("LeastRequests")]
    [InlineData("PowerOfTwoChoices")]
    public async Task BusyDestinationIsAvoided(string policy)
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var a = await BackendAsync(Answer("a", hold), "a");
        var b = await BackendAsync(Answer("b", hold), "b");
        var gateway = EchoGateway([a.Address.ToString(), b.Address.ToString()], configure: s => s.With("ReverseProxy:Clusters:echo:LoadBalancingPolicy", policy));
        using var client = gateway.Grpc();

        // Three long calls in flight: with two destinations they spread 2/1 or 1/2, never 3/0.
        var held = new List<(HttpResponseMessage Response, Stream Stream)>();
        for (var i = 0; i < 3; i++)
        {
            var response = await SendAsync(client, Unary(EchoPath, [1]).WithHeader("x-hold", "yes"));
            var stream = await response.Content.ReadAsStreamAsync();
            await ReadMessageAsync(stream);
            held.Add((response, stream));
        }
        var cluster = gateway.Proxy.GetCluster("echo");
        var busy = cluster.Destinations.MaxBy(d => d.ConcurrentRequests)!;
        Assert.Equal(2, busy.ConcurrentRequests);
        var idle = cluster.Destinations.Single(d => d != busy);
        var idleName = idle.Address.TrimEnd('/') == a.Address.ToString().TrimEnd('/') ? "a" : "b";

        // The next short calls all go to the less busy destination (2 vs 1 in flight).
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(idleName, await CallAsync(client));
        }

        hold.SetResult();
        foreach (var (response, stream) in held)
        {
            await stream.DisposeAsync();
            response.Dispose();
        }
    }

    [Fact]
    public async Task PowerOfTwoChoicesUsesBothDestinationsWhenIdle()
    {
        var a = await BackendAsync(Answer("a"), "a");
        var b = await BackendAsync(Answer("b"), "b");
        var gateway = EchoGateway([a.Address.ToString(), b.Address.ToString()], configure: s => s.With("ReverseProxy:Clusters:echo:LoadBalancingPolicy", "PowerOfTwoChoices"));

        using var client = gateway.Grpc();
        var answers = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            answers.Add(await CallAsync(client));
        }

        // Ties are broken at random: 40 calls all to one side would happen with probability 2^-39.
        Assert.Contains("a", answers);
        Assert.Contains("b", answers);
    }
}

internal static class RequestExtensions
{
    public static HttpRequestMessage WithHeader(this HttpRequestMessage request, string name, string value)
    {
        request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }
}
