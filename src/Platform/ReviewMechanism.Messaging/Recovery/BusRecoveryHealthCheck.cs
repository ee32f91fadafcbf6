using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ReviewMechanism.Messaging.Recovery;

/// <summary>Unhealthy once <see cref="BusRecovery"/> gave up: the bus is stuck and only a restart of the process mends it.</summary>
public sealed class BusRecoveryHealthCheck(BusRecovery recovery) : IHealthCheck
{
    public const string Name = "messaging-recovery";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(recovery.GaveUp is { } reason ? HealthCheckResult.Unhealthy($"The message bus is stuck: {reason}") : HealthCheckResult.Healthy());
}
