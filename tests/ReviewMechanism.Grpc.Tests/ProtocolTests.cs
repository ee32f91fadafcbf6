using System.Net;

namespace ReviewMechanism.Grpc.Tests;

public sealed class ProtocolTests : ProbeServerTestBase
{
    [Fact]
    public async Task ARequestThatIsNotGrpcIsRefusedWith415()
    {
        var response = await Client.SendAsync(RawGrpcClient.Request(Echo, new ByteArrayContent(Frames.Of(new EchoRequest())), "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("13", response.Header("grpc-status"));
        Assert.Contains("application/json", response.Header("grpc-message"));
    }

    [Fact]
    public async Task GrpcContentTypeWithProtoSuffixIsAccepted()
    {
        var response = await Client.SendAsync(RawGrpcClient.Request(Echo, new ByteArrayContent(Frames.Of(new EchoRequest { Text = "p" })), "application/grpc+proto"));

        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("p", Assert.Single(response.Messages).Parse(EchoReply.Parser).Text);
    }

    [Fact]
    public async Task AnHttp11RequestIsRefusedWith426UpgradeRequired()
    {
        using var http1 = new RawGrpcClient(Server.Http1Address);
        var response = await http1.SendAsync(RawGrpcClient.Request(Echo, new ByteArrayContent(Frames.Of(new EchoRequest())), version: HttpVersion.Version11));

        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
        Assert.Equal(new Version(1, 1), response.Version);
        Assert.Equal("h2c", response.Header("upgrade"));
        Assert.Contains("HTTP/2", response.Header("grpc-message"));
    }

    [Fact]
    public async Task AnHttp11RequestForAnUnknownMethodIsAlsoRefusedWith426()
    {
        using var http1 = new RawGrpcClient(Server.Http1Address);
        var response = await http1.SendAsync(RawGrpcClient.Request("/no.such.Service/Call", new ByteArrayContent([]), version: HttpVersion.Version11));

        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownServiceAnswersUnimplementedAsTrailersOnly()
    {
        var response = await Client.PostAsync("/no.such.Service/Call", Frames.Of(new EchoRequest()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.IsTrailersOnly, response.ToString());
        Assert.Equal(12, response.GrpcStatus);
        Assert.Equal("application/grpc", response.Header("content-type"));
        Assert.Equal("Service 'no.such.Service' is not implemented by this server.", response.GrpcMessageRaw);
    }

    [Fact]
    public async Task AnUnknownMethodOfAKnownServiceAnswersUnimplementedAsTrailersOnly()
    {
        var response = await Client.PostAsync("/reviewmechanism.testing.v1.ProbeService/Missing", Frames.Of(new EchoRequest()));

        Assert.True(response.IsTrailersOnly, response.ToString());
        Assert.Equal(12, response.GrpcStatus);
        Assert.Equal("Method 'Missing' is not implemented by service 'reviewmechanism.testing.v1.ProbeService'.", response.GrpcMessageRaw);
    }

    [Fact]
    public async Task MethodPathsAreCaseSensitive()
    {
        var response = await Client.PostAsync("/reviewmechanism.testing.v1.probeservice/echo", Frames.Of(new EchoRequest()));

        Assert.True(response.IsTrailersOnly, response.ToString());
        Assert.Equal(12, response.GrpcStatus);
    }

    [Fact]
    public async Task AnUnknownPathThatIsNotGrpcIsLeftToTheApplication()
    {
        var response = await Client.SendAsync(RawGrpcClient.Request("/not/grpc", new ByteArrayContent([]), "text/plain"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.ContainsKey("grpc-status"));
    }

    [Fact]
    public async Task UnknownServicesFallThroughWhenTheOptionSaysSo()
    {
        await using var server = await ProbeServer.StartAsync(o => o.IgnoreUnknownServices = true);
        using var client = new RawGrpcClient(server.Http2Address);

        var response = await client.PostAsync("/no.such.Service/Call", Frames.Of(new EchoRequest()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
