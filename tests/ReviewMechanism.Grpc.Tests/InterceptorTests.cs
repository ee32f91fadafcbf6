using ReviewMechanism.Grpc.Server;

namespace ReviewMechanism.Grpc.Tests;

public sealed class InterceptorTests : ProbeServerTestBase
{
    protected override Task<GrpcTestServer> StartServerAsync() => ProbeServer.StartAsync(o =>
    {
        o.Interceptors.Add<OuterInterceptor>();
        o.Interceptors.Add<InnerInterceptor>();
    });

    [Theory]
    [InlineData(Echo)]
    [InlineData(Expand)]
    [InlineData(Collect)]
    [InlineData(Chat)]
    public async Task InterceptorsRunInRegistrationOrderAroundEveryKindOfCall(string path)
    {
        var trace = Guid.NewGuid().ToString("n");

        var response = await Client.PostAsync(path, Frames.Of(new EchoRequest { Text = "i", ReplyCount = 1 }), r => r.Headers.Add("x-trace", trace));

        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal(new[] { "outer>", "inner>", "inner<", "outer<" }, RecordingInterceptor.Traces[trace]);
    }

    [Fact]
    public async Task InterceptorsAreCreatedOnceNotPerCall()
    {
        var before = RecordingInterceptor.Instances;
        for (var i = 0; i < 5; i++)
        {
            await Client.PostAsync(Echo, Frames.Of(new EchoRequest()), r => r.Headers.Add("x-trace", "count"));
        }

        Assert.Equal(before, RecordingInterceptor.Instances);
    }

    [Fact]
    public async Task AnInterceptorSeesTheHandlersRpcException()
    {
        var trace = Guid.NewGuid().ToString("n");

        var response = await Client.PostAsync(Echo, Frames.Of(new EchoRequest { Outcome = Outcome.RpcException, StatusCode = 5, StatusMessage = "nope" }), r => r.Headers.Add("x-trace", trace));

        Assert.Equal(5, response.GrpcStatus);
        // The exception passed through both interceptors: neither recorded a normal return.
        Assert.Equal(new[] { "outer>", "inner>" }, RecordingInterceptor.Traces[trace]);
    }
}
