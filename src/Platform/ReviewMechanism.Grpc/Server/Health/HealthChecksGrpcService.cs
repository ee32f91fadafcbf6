using Grpc.Health.V1;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ReviewMechanism.Grpc.Server.Internal;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ReviewMechanism.Grpc.Server.Health;

/// <summary>
/// grpc.health.v1.Health over ASP.NET Core health checks. Service "" is the overall status (every
/// check, or <see cref="GrpcHealthChecksOptions.OverallPredicate"/>); a service name is the status
/// of the checks tagged with that name, or the overall status for a mapped gRPC service that no
/// check is tagged with. Healthy and Degraded are SERVING, Unhealthy NOT_SERVING. Check answers
/// NOT_FOUND for an unknown name; Watch sends SERVICE_UNKNOWN and keeps watching.
/// </summary>
[AllowAnonymous]
internal sealed class HealthChecksGrpcService : global::Grpc.Health.V1.Health.HealthBase
{
    private readonly HealthCheckService _healthChecks;
    private readonly HealthCheckServiceOptions _registrations;
    private readonly GrpcHealthChecksOptions _options;
    private readonly GrpcServiceRegistry _registry;
    private readonly TimeProvider _timeProvider;
    private readonly IHostApplicationLifetime? _lifetime;

    public HealthChecksGrpcService(
        HealthCheckService healthChecks,
        IOptions<HealthCheckServiceOptions> registrations,
        IOptions<GrpcHealthChecksOptions> options,
        GrpcServiceRegistry registry,
        TimeProvider timeProvider,
        IEnumerable<IHostApplicationLifetime> lifetime)
    {
        _healthChecks = healthChecks;
        _registrations = registrations.Value;
        _options = options.Value;
        _registry = registry;
        _timeProvider = timeProvider;
        _lifetime = lifetime.FirstOrDefault();
    }

    public override async Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        var status = await EvaluateAsync(request.Service, context.CancellationToken);
        if (status == ServingStatus.ServiceUnknown)
        {
            throw new RpcException(new Status(StatusCode.NotFound,
                $"Service '{request.Service}' is unknown to the health checks: no health check is tagged with it and no gRPC service has that name."));
        }
        return new HealthCheckResponse { Status = status };
    }

    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        using var stop = _lifetime is null
            ? CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken)
            : CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, _lifetime.ApplicationStopping);
        ServingStatus? last = null;
        while (true)
        {
            ServingStatus current;
            try
            {
                current = await EvaluateAsync(request.Service, stop.Token);
                if (current != last)
                {
                    await responseStream.WriteAsync(new HealthCheckResponse { Status = current });
                    last = current;
                }
                await Task.Delay(_options.WatchInterval, _timeProvider, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                if (!context.CancellationToken.IsCancellationRequested && last != ServingStatus.NotServing)
                {
                    // The server is shutting down: tell the watcher before ending the stream.
                    await responseStream.WriteAsync(new HealthCheckResponse { Status = ServingStatus.NotServing });
                }
                return;
            }
        }
    }

    private async Task<ServingStatus> EvaluateAsync(string service, CancellationToken cancellationToken)
    {
        Func<HealthCheckRegistration, bool>? predicate;
        if (service.Length == 0)
        {
            predicate = _options.OverallPredicate;
        }
        else if (_registrations.Registrations.Any(r => r.Tags.Contains(service)))
        {
            predicate = r => r.Tags.Contains(service);
        }
        else if (_registry.IsKnown(service))
        {
            predicate = _options.OverallPredicate;
        }
        else
        {
            return ServingStatus.ServiceUnknown;
        }
        var report = await _healthChecks.CheckHealthAsync(predicate ?? (_ => true), cancellationToken);
        return report.Status == HealthStatus.Unhealthy ? ServingStatus.NotServing : ServingStatus.Serving;
    }
}
