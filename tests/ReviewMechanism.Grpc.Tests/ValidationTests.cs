using Google.Rpc;
using Microsoft.Extensions.DependencyInjection;
using ReviewMechanism.Grpc.Protocol;
using ReviewMechanism.Grpc.Server.Validation;

namespace ReviewMechanism.Grpc.Tests;

public sealed class ValidationTests : ProbeServerTestBase
{
    protected override Task<GrpcTestServer> StartServerAsync() => ProbeServer.StartAsync(services: s =>
    {
        s.AddSingleton<IValidator<EchoRequest>, TextValidator>();
        s.AddSingleton<IValidator<EchoRequest>, PayloadValidator>();
    });

    [Fact]
    public async Task AValidRequestReachesTheHandler()
    {
        var response = await Client.PostAsync(Echo, Frames.Of(new EchoRequest { Text = "fine" }));

        Assert.Equal(0, response.GrpcStatus);
    }

    [Fact]
    public async Task AnInvalidRequestIsInvalidArgumentWithEveryFieldViolation()
    {
        var response = await Client.PostAsync(Echo, Frames.Of(new EchoRequest { Text = "", Payload = ByteString.CopyFrom(new byte[20]) }));

        Assert.True(response.IsTrailersOnly, response.ToString());
        Assert.Equal(3, response.GrpcStatus);
        Assert.Equal("The request is not valid: text: must not be empty; payload: must be at most 10 bytes", response.GrpcMessageRaw);
        var status = Google.Rpc.Status.Parser.ParseFrom(BinaryHeader.Decode(response.Header("grpc-status-details-bin")));
        var badRequest = status.Details.Single().Unpack<BadRequest>();
        Assert.Equal(new[] { ("text", "must not be empty"), ("payload", "must be at most 10 bytes") },
            badRequest.FieldViolations.Select(v => (v.Field, v.Description)));
    }

    [Fact]
    public async Task EachStreamedRequestIsValidatedAsItIsRead()
    {
        var response = await Client.PostAsync(Chat, Frames.Of(new EchoRequest { Text = "ok" }, new EchoRequest { Text = "" }));

        Assert.Equal("ok", Assert.Single(response.Messages).Parse(EchoReply.Parser).Text);
        Assert.Equal("3", response.Trailer("grpc-status"));
        Assert.Contains("text: must not be empty", response.Trailer("grpc-message"));
    }

    [Fact]
    public async Task ValidationCanBeTurnedOff()
    {
        await using var server = await ProbeServer.StartAsync(o => o.EnableValidation = false, s => s.AddSingleton<IValidator<EchoRequest>, TextValidator>());
        using var client = new RawGrpcClient(server.Http2Address);

        var response = await client.PostAsync(Echo, Frames.Of(new EchoRequest { Text = "" }));

        Assert.Equal(0, response.GrpcStatus);
    }

    private sealed class TextValidator : IValidator<EchoRequest>
    {
        public IEnumerable<FieldViolation> Validate(EchoRequest request)
        {
            if (request.Text.Length == 0)
            {
                yield return new FieldViolation("text", "must not be empty");
            }
        }
    }

    private sealed class PayloadValidator : IValidator<EchoRequest>
    {
        public IEnumerable<FieldViolation> Validate(EchoRequest request)
        {
            if (request.Payload.Length > 10)
            {
                yield return new FieldViolation("payload", "must be at most 10 bytes");
            }
        }
    }
}
