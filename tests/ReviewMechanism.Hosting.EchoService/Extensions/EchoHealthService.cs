using Grpc.Health.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace ReviewMechanism.Hosting.EchoService.Extensions;

/// <summary>grpc.health.v1: SERVING, with the process id in a response header (tests tell replicas apart).</summary>
[AllowAnonymous]
public sealed class EchoHealthService : Health.HealthBase
{
    public override async Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        await context.WriteResponseHeadersAsync(new Metadata { { "echo-pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
        return new HealthCheckResponse { Status = HealthCheckResponse.Types.ServingStatus.Serving };
    }

    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        await responseStream.WriteAsync(new HealthCheckResponse { Status = HealthCheckResponse.Types.ServingStatus.Serving });
        await Task.Delay(Timeout.Infinite, context.CancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
