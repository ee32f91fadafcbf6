using System.Text;
using Google.Rpc;
using ReviewMechanism.Grpc.Protocol;

namespace ReviewMechanism.Grpc.Tests;

public sealed class StatusTests : ProbeServerTestBase
{
    [Fact]
    public async Task AnRpcExceptionBeforeAnyMessageIsSentAsTrailersOnly()
    {
        var response = await Client.PostAsync(Echo, Frames.Of(new EchoRequest { Outcome = Outcome.RpcException, StatusCode = 5, StatusMessage = "No such country review." }));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.IsTrailersOnly, response.ToString());
        Assert.Equal(5, response.GrpcStatus);
        Assert.Equal("No such country review.", response.GrpcMessageRaw);
        Assert.Equal("application/grpc", response.Header("content-type"));
    }

    [Fact]
    public async Task AnErrorAfterTheFirstStreamedMessageGoesInTheTrailers()
    {
        var content = StreamingContent.FromPieces(
            [Frames.Of(new EchoRequest { Text = "fine" }), Frames.Of(new EchoRequest { Outcome = Outcome.RpcException, StatusCode = 9, StatusMessage = "Stage closed." })],
            TimeSpan.FromMilliseconds(20));

        var response = await Client.SendAsync(RawGrpcClient.Request(Chat, content));

        Assert.Equal("fine", Assert.Single(response.Messages).Parse(EchoReply.Parser).Text);
        Assert.Equal("9", response.Trailer("grpc-status"));
        Assert.Equal("Stage closed.", response.Trailer("grpc-message"));
        Assert.False(response.Headers.ContainsKey("grpc-status"));
    }

    [Fact]
    public async Task ANonAsciiStatusMessageIsPercentEncodedAndRoundTrips()
    {
        const string message = "Délai dépassé ✓ 100% \t(Ελλάδα)";

        var response = await Client.PostAsync(Echo, Frames.Of(new EchoRequest { Outcome = Outcome.RpcException, StatusCode = 3, StatusMessage = message }));

        var raw = response.GrpcMessageRaw!;
        Assert.All(raw, c => Assert.InRange(c, (char)0x20, (char)0x7E));
        Assert.StartsWith("D%C3%A9lai d%C3%A9pass%C3%A9 %E2%9C%93 100%25 %09(", raw);
        Assert.Equal(message, GrpcMessageEncoding.Decode(raw));
    }

    [Fact]
    public async Task AnUnhandledExceptionIsUnknownWithoutItsDetails()
    {
        var response = await Client.PostAsync(Echo, Frames.Of(new EchoRequest { Outcome = Outcome.UnhandledException, StatusMessage = "connection string Password=hunter2" }));

        Assert.True(response.IsTrailersOnly, response.ToString());
        Assert.Equal(2, response.GrpcStatus);
        Assert.Equal("Exception was thrown by handler.", response.GrpcMessageRaw);
        Assert.DoesNotContain("hunter2", response.ToString());
        Assert.Contains(Server.Logs.Lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Error && l.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task DetailedErrorsPutTheExceptionInTheMessageWhenEnabled()
    {
        await using var server = await ProbeServer.StartAsync(o => o.EnableDetailedErrors = true);
        using var client = new RawGrpcClient(server.Http2Address);

        var response = await client.PostAsync(Echo, Frames.Of(new EchoRequest { Outcome = Outcome.UnhandledException, StatusMessage = "the disk is full" }));

        Assert.Equal(2, response.GrpcStatus);
        Assert.Equal("Exception was thrown by handler. InvalidOperationException: the disk is full", response.GrpcMessageRaw);
    }

    [Fact]
    public async Task RichErrorDetailsArriveInGrpcStatusDetailsBin()
    {
        var response = await Client.PostAsync(Echo, Frames.Of(new EchoRequest { Outcome = Outcome.RichError, StatusMessage = "The nomination is not valid." }));

        Assert.Equal(3, response.GrpcStatus);
        var details = Google.Rpc.Status.Parser.ParseFrom(BinaryHeader.Decode(response.Header("grpc-status-details-bin")));
        Assert.Equal(3, details.Code);
        Assert.Equal("The nomination is not valid.", details.Message);
        var badRequest = details.Details.Single().Unpack<BadRequest>();
        Assert.Equal(new[] { "text", "payload" }, badRequest.FieldViolations.Select(v => v.Field));
        Assert.Equal("must not be empty", badRequest.FieldViolations[0].Description);
    }

    [Fact]
    public async Task AStatusSetOnTheContextIsSentWhenTheHandlerReturns()
    {
        var response = await Client.PostAsync(Echo, Frames.Of(new EchoRequest { Outcome = Outcome.ContextStatus, StatusCode = 6, StatusMessage = "Already nominated." }));

        Assert.True(response.IsTrailersOnly, response.ToString());
        Assert.Equal(6, response.GrpcStatus);
        Assert.Equal("Already nominated.", response.GrpcMessageRaw);
    }

    [Fact]
    public async Task TrailersSetOnTheContextTravelWithAnRpcException()
    {
        var response = await Client.PostAsync(Echo,
            Frames.Of(new EchoRequest { EchoMetadata = true, Outcome = Outcome.RpcException, StatusCode = 10, StatusMessage = "Conflict" }),
            r => r.Headers.Add("x-echo-case", "c-17"));

        Assert.Equal("10", response.Trailer("grpc-status"));
        Assert.Equal("c-17", response.Trailer("x-trailer-case"));
        Assert.Equal("c-17", response.Header("x-echo-case"));
    }

    [Fact]
    public async Task EveryCallIsLoggedOnceWithMethodStatusAndDuration()
    {
        await Client.PostAsync(Echo, Frames.Of(new EchoRequest { Outcome = Outcome.RpcException, StatusCode = 5, StatusMessage = "gone" }));

        var line = Assert.Single(Server.Logs.Lines, l => l.Category == "ReviewMechanism.Grpc.Server");
        Assert.Matches(@"^gRPC /reviewmechanism\.testing\.v1\.ProbeService/Echo finished with NotFound in [0-9.]+ ms: gone$", line.Message);
    }
}
