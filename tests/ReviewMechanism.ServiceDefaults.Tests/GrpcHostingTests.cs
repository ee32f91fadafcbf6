using Google.Protobuf;
using Google.Rpc;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using ReviewMechanism.Reporting.V1;
using ReviewMechanism.ServiceDefaults.Grpc;
using ReviewMechanism.ServiceDefaults.Tests.Infrastructure;

namespace ReviewMechanism.ServiceDefaults.Tests;

/// <summary>The gRPC side of the defaults, on a cleartext HTTP/2 endpoint configured as the AppHost configures it.</summary>
public sealed class GrpcHostingTests
{
    [Fact]
    public async Task TheDefaultsAnswerGrpcHealthFromTheServicesHealthChecks()
    {
        var healthy = true;
        await using var app = await StartAsync(b => b.Services.AddHealthChecks().AddCheck("switch", () => healthy ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("switched off")));
        using var channel = GrpcChannel.ForAddress(app.Address);
        var health = new Health.HealthClient(channel);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
        healthy = false;
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest())).Status);
    }

    [Fact]
    public async Task ReflectionListsTheMappedServicesToAnAnonymousCaller()
    {
        await using var app = await StartAsync(b => b.Services.AddSingleton<ProbeBehaviour>(), a => a.MapGrpcService<DeclaredGuardedService>());
        using var channel = GrpcChannel.ForAddress(app.Address);
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        await call.RequestStream.CompleteAsync();

        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains(ReviewMechanism.Testing.V1.GuardedService.Descriptor.FullName, names);
        Assert.Contains("grpc.health.v1.Health", names);
    }

    [Fact]
    public async Task AServiceWhoseRpcsDeclareNoCallerCannotBeMapped()
    {
        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => StartAsync(map: a => a.MapGrpcService<UndeclaredHealthService>()));

        Assert.Contains("/grpc.health.v1.Health/Check", error.Message, StringComparison.Ordinal);
        Assert.Contains("/grpc.health.v1.Health/Watch", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reviewmechanism.reporting.v1.ReportingService", "Missing")]
    [InlineData("other.v1.UnknownService", "Call")]
    public async Task AnRpcTheServiceDoesNotServeAnswersUnimplementedWithAnErrorInfoNamingIt(string service, string method)
    {
        await using var app = await StartAsync(map: a => a.MapGrpcService<DeclaredReportingService>());
        using var channel = GrpcChannel.ForAddress(app.Address);
        var call = channel.CreateCallInvoker().AsyncUnaryCall(
            new Method<HealthCheckRequest, HealthCheckResponse>(MethodType.Unary, service, method,
                Marshallers.Create(m => m.ToByteArray(), HealthCheckRequest.Parser.ParseFrom), Marshallers.Create(m => m.ToByteArray(), HealthCheckResponse.Parser.ParseFrom)),
            null, default, new HealthCheckRequest());

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        Assert.Equal($"No RPC /{service}/{method} is served here.", error.Status.Detail);
        var info = error.GetRpcStatus()?.GetDetail<ErrorInfo>();
        Assert.Equal((RefusalReasons.UnknownMethod, $"/{service}/{method}"), (info?.Reason, info?.Metadata["method"]));
    }

    private static Task<GrpcTestHost> StartAsync(Action<WebApplicationBuilder>? configure = null, Action<WebApplication>? map = null) =>
        GrpcTestHost.StartAsync(configure: configure, map: map);
}

/// <summary>A service that says nothing about who may call its RPCs.</summary>
public sealed class UndeclaredHealthService : Health.HealthBase
{
    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context) =>
        Task.FromResult(new HealthCheckResponse { Status = HealthCheckResponse.Types.ServingStatus.Serving });

    public override Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context) =>
        Task.CompletedTask;
}

[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class DeclaredReportingService : ReportingService.ReportingServiceBase;
