using System.Net;
using System.Text;
using Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Xunit.Abstractions;
using static Gateway.Tests.Infrastructure.ProxyWire;

namespace Gateway.Tests.Forwarding;

public sealed class FailureTests(ITestOutputHelper output) : ForwardingTestBase(output)
{
    [Fact]
    public async Task BackendThatIsDownGives502AndUnavailable()
    {
        var gateway = EchoGateway([FreePort.ClosedAddress()]);

        using var client = gateway.Grpc();
        using var response = await SendAsync(client, Call(EchoPath, [1]));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/grpc", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("14", Value(response.Headers, "grpc-status"));
        Assert.Equal("The service could not be reached.", Value(response.Headers, "grpc-message"));
        Assert.Equal(EchoPath, Refusal(response, "SERVICE_UNAVAILABLE").Info.Metadata["method"]);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task BackendThatDoesNotSpeakHttp2Gives502AndUnavailable()
    {
        var backend = await BackendAsync(context => context.Response.WriteAsync("no h2c here"), protocols: HttpProtocols.Http1AndHttp2);
        var gateway = EchoGateway(backend);

        using var client = gateway.Grpc();
        using var response = await SendAsync(client, Call(EchoPath, RandomBytes(50_000, seed: 8)));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("14", Value(response.Headers, "grpc-status"));
    }

    [Fact]
    public async Task PageRouteToABackendThatIsDownGives502WithAMessage()
    {
        var gateway = Gateway(new ProxySettings().Route("page", "/pages/{**rest}", "pages").Cluster("pages", [FreePort.ClosedAddress()]));

        using var client = gateway.Pages();
        using var response = await client.GetAsync("/pages/index");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("The service could not be reached.\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ServiceWithNoConfiguredAddressGives503AndUnavailable()
    {
        // The real routes: the reviews cluster reads services:reviews:grpc:*, which nothing set here.
        var gateway = Gateway(new ProxySettings());

        using var client = gateway.Grpc();
        using var response = await SendAsync(client, Call("/reviewmechanism.reviews.v1.ReviewsService/GetCountryReview", [1], Issuer.Token()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("14", Value(response.Headers, "grpc-status"));
        Assert.Equal("The 'reviews' service is not available: no address is configured for it.", Value(response.Headers, "grpc-message"));
        Assert.Equal("reviews", Refusal(response, "SERVICE_UNAVAILABLE").Info.Metadata["service"]);
        Assert.Contains(gateway.Logs.Lines, l => l.Contains("set services:reviews:grpc:0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PagesWithoutAWebFrontEndGive503Clearly()
    {
        var gateway = Gateway(new ProxySettings());

        using var client = gateway.Pages();
        using var response = await client.GetAsync("/reviews/AUT");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("The 'web' service is not available: no address is configured for it.\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task BackendSilentBeyondTheActivityTimeoutGives504AndUnavailableAndIsCancelled()
    {
        var backendCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var backend = await BackendAsync(async context =>
        {
            await ReadBodyAsync(context);
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                backendCancelled.TrySetResult();
            }
        });
        var gateway = EchoGateway(backend, activityTimeout: TimeSpan.FromMilliseconds(700));

        using var client = gateway.Grpc();
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var response = await SendAsync(client, Call(EchoPath, [1]));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("14", Value(response.Headers, "grpc-status"));
        Assert.Equal("The service did not answer within the gateway's activity timeout.", Value(response.Headers, "grpc-message"));
        Refusal(response, "SERVICE_TIMEOUT");
        Assert.InRange(started.Elapsed, TimeSpan.FromMilliseconds(600), TimeSpan.FromSeconds(5));
        await backendCancelled.Task.WaitAsync(Patience);
    }

    [Theory]
    [InlineData(0x2)] // INTERNAL_ERROR
    [InlineData(0x8)] // CANCEL
    public async Task BackendResetAfterTheResponseStartedResetsTheClientStream(int errorCode)
    {
        var backend = await BackendAsync(async context =>
        {
            await ReadBodyAsync(context);
            StartGrpcResponse(context);
            await WriteAsync(context, Encoding.UTF8.GetBytes("partial"));
            // Part of the answer, then the stream dies without trailers.
            await Task.Delay(100);
            Reset(context, errorCode);
        });
        var gateway = EchoGateway(backend);

        using var client = gateway.Grpc();
        using var response = await SendAsync(client, Call(EchoPath, [1]));
        await using var stream = await response.Content.ReadAsStreamAsync();
        Assert.Equal("partial", Encoding.UTF8.GetString((await ReadBytesAsync(stream, 7))!));

        // The client's stream is reset (YARP answers a broken response with RST_STREAM), never ended as if complete.
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => ReadBytesAsync(stream, 1));
        Assert.NotNull(FindProtocolException(failure));
        Assert.Null(GrpcStatus(response));
    }

    [Fact]
    public async Task StreamThatKeepsMovingOutlivesTheActivityTimeout()
    {
        var backend = await BackendAsync(async context =>
        {
            await ReadBodyAsync(context);
            StartGrpcResponse(context);
            for (var i = 0; i < 8; i++)
            {
                await WriteAsync(context, [(byte)i]);
                await Task.Delay(300, context.RequestAborted);
            }
            SetStatusTrailers(context, 0);
        });
        var gateway = EchoGateway(backend, activityTimeout: TimeSpan.FromSeconds(1));

        using var client = gateway.Grpc();
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var response = await SendAsync(client, Call(EchoPath, [1]));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.True(started.Elapsed > TimeSpan.FromSeconds(2), "the stream lived longer than the activity timeout");
        Assert.Equal(Enumerable.Range(0, 8).Select(i => (byte)i).ToArray(), body);
        Assert.Equal("0", GrpcStatus(response));
    }

    [Fact]
    public async Task StreamIdleBeyondTheActivityTimeoutIsResetAndTheBackendIsCancelled()
    {
        var backendCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var backend = await BackendAsync(async context =>
        {
            await ReadBodyAsync(context);
            StartGrpcResponse(context);
            await WriteAsync(context, [1]);
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                backendCancelled.TrySetResult();
            }
        });
        var gateway = EchoGateway(backend, activityTimeout: TimeSpan.FromMilliseconds(800));

        using var client = gateway.Grpc();
        using var response = await SendAsync(client, Call(EchoPath, [1]));
        await using var stream = await response.Content.ReadAsStreamAsync();
        Assert.Equal(new byte[] { 1 }, await ReadBytesAsync(stream, 1));

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => ReadBytesAsync(stream, 1));
        Assert.NotNull(FindProtocolException(failure));
        await backendCancelled.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task ClientCancellationReachesTheBackend()
    {
        var backendCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var backend = await BackendAsync(async context =>
        {
            await ReadBodyAsync(context);
            StartGrpcResponse(context);
            await WriteAsync(context, [1]);
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                backendCancelled.TrySetResult();
            }
        });
        var gateway = EchoGateway(backend);

        using var client = gateway.Grpc();
        var response = await SendAsync(client, Call(EchoPath, [1]));
        var stream = await response.Content.ReadAsStreamAsync();
        Assert.Equal(new byte[] { 1 }, await ReadBytesAsync(stream, 1));

        // Disposing an unfinished HTTP/2 response sends RST_STREAM(CANCEL) to the gateway.
        await stream.DisposeAsync();
        response.Dispose();

        await backendCancelled.Task.WaitAsync(Patience);
        Assert.True(gateway.Proxy.TryGetCluster("echo", out var cluster));
        await WaitUntilAsync(() => cluster.Destinations.Values.All(d => d.ConcurrentRequestCount == 0));
    }

    private static HttpProtocolException? FindProtocolException(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpProtocolException protocol)
            {
                return protocol;
            }
        }
        return null;
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not become true in time.");
            }
            await Task.Delay(20);
        }
    }
}
