using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using ReviewMechanism.ServiceDefaults.Errors;
using ReviewMechanism.ServiceDefaults.Grpc;
using ReviewMechanism.ServiceDefaults.Tests.Infrastructure;
using ReviewMechanism.Testing.V1;

namespace ReviewMechanism.ServiceDefaults.Tests;

/// <summary>Registered validators run before the handler, as an interceptor of every call.</summary>
public sealed class GrpcValidationTests
{
    [Fact]
    public async Task AValidRequestReachesTheHandler()
    {
        await using var host = await StartAsync();
        using var channel = GrpcChannel.ForAddress(host.Address);

        var reply = await new ProbeService.ProbeServiceClient(channel).EchoAsync(new EchoRequest { Text = "fine" });

        Assert.Equal("fine", reply.Text);
    }

    [Fact]
    public async Task AnInvalidRequestIsInvalidArgumentWithEveryFieldViolation()
    {
        var behaviour = new ProbeBehaviour();
        await using var host = await StartAsync(behaviour: behaviour);
        using var channel = GrpcChannel.ForAddress(host.Address);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new ProbeService.ProbeServiceClient(channel).EchoAsync(new EchoRequest { Text = "", Payload = Google.Protobuf.ByteString.CopyFrom(new byte[20]) }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("The request is not valid: text: must not be empty; payload: must be at most 10 bytes", error.Status.Detail);
        Assert.Equal([("text", "must not be empty"), ("payload", "must be at most 10 bytes")],
            error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => (v.Field, v.Description)));
        Assert.Equal(0, behaviour.EchoCalls);
    }

    [Fact]
    public async Task EachStreamedRequestIsValidatedAsItIsRead()
    {
        await using var host = await StartAsync();
        using var channel = GrpcChannel.ForAddress(host.Address);
        using var chat = new ProbeService.ProbeServiceClient(channel).Chat();

        await chat.RequestStream.WriteAsync(new EchoRequest { Text = "ok" });
        Assert.True(await chat.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal("ok", chat.ResponseStream.Current.Text);
        await chat.RequestStream.WriteAsync(new EchoRequest { Text = "" });
        var error = await Assert.ThrowsAsync<RpcException>(() => chat.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("text: must not be empty", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidationCanBeTurnedOffInConfiguration()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Grpc:Server:EnableValidation"] = "false" });
        using var channel = GrpcChannel.ForAddress(host.Address);

        var reply = await new ProbeService.ProbeServiceClient(channel).EchoAsync(new EchoRequest { Text = "" });

        Assert.Equal("", reply.Text);
    }

    private static Task<GrpcTestHost> StartAsync(Dictionary<string, string?>? settings = null, ProbeBehaviour? behaviour = null) => GrpcTestHost.StartAsync(
        settings,
        b =>
        {
            b.Services.AddSingleton(behaviour ?? new ProbeBehaviour());
            b.Services.AddSingleton<IValidator<EchoRequest>, TextValidator>();
            b.Services.AddSingleton<IValidator<EchoRequest>, PayloadValidator>();
        },
        a => a.MapGrpcService<ProbeServiceImpl>());

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
