using ReviewMechanism.Grpc.Protocol;

namespace ReviewMechanism.Grpc.Tests;

public sealed class MetadataTests : ProbeServerTestBase
{
    [Fact]
    public async Task BinaryMetadataIsDecodedForTheHandlerAndEncodedBackWithoutPadding()
    {
        byte[] bytes = [0x00, 0xFF, 0x10, 0x80, 0x7F];

        var response = await Client.PostAsync(Echo, Frames.Of(new EchoRequest { EchoMetadata = true }),
            r => r.Headers.Add("x-echo-blob-bin", Convert.ToBase64String(bytes)));

        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("AP8QgH8", response.Header("x-echo-blob-bin"));
        Assert.Equal(bytes, BinaryHeader.Decode(response.Header("x-echo-blob-bin")));
        Assert.Equal(bytes, BinaryHeader.Decode(response.Trailer("x-trailer-blob-bin")));
    }

    [Fact]
    public async Task UnpaddedBinaryMetadataIsAcceptedToo()
    {
        var response = await Client.PostAsync(Echo, Frames.Of(new EchoRequest { EchoMetadata = true }),
            r => r.Headers.TryAddWithoutValidation("x-echo-blob-bin", "AP8QgH8"));

        Assert.Equal(new byte[] { 0x00, 0xFF, 0x10, 0x80, 0x7F }, BinaryHeader.Decode(response.Trailer("x-trailer-blob-bin")));
    }

    [Fact]
    public async Task RepeatedBinaryValuesJoinedWithCommasAreSplit()
    {
        var response = await Client.PostAsync(Echo, Frames.Of(new EchoRequest { EchoMetadata = true }),
            r => r.Headers.TryAddWithoutValidation("x-echo-pair-bin", "AQ==,Ag"));

        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("AQ,Ag", response.Trailer("x-trailer-pair-bin"));
    }

    [Fact]
    public async Task AsciiMetadataComesBackInHeadersAndTrailers()
    {
        var response = await Client.PostAsync(Echo, Frames.Of(new EchoRequest { EchoMetadata = true, Text = "m" }),
            r => r.Headers.Add("x-echo-party", "AUT"));

        Assert.Equal("AUT", response.Header("x-echo-party"));
        Assert.Equal("AUT", response.Trailer("x-trailer-party"));
        Assert.Equal("m", Assert.Single(response.Messages).Parse(EchoReply.Parser).Text);
    }

    [Fact]
    public async Task ResponseHeadersWrittenExplicitlyArriveBeforeAnyMessageOfAStream()
    {
        var content = new StreamingContent();
        content.Write(Frames.Of(new EchoRequest { EchoMetadata = true, Outcome = Outcome.RpcException, StatusCode = 1, StatusMessage = "x" }));
        var request = RawGrpcClient.Request(Chat, content);
        request.Headers.Add("x-echo-first", "yes");

        using var response = await Client.StartAsync(request).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("yes", string.Join(",", response.Headers.GetValues("x-echo-first")));
        content.Complete();
    }
}
