using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ReviewMechanism.Grpc.Server.Health;

/// <summary>Settings of the grpc.health.v1.Health service (<c>services.AddGrpcHealthChecks(o => ...)</c>).</summary>
public sealed class GrpcHealthChecksOptions
{
    /// <summary>How often Watch re-runs the health checks to detect a change (default 5 s).</summary>
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Which checks decide the overall status (service ""); all of them by default.</summary>
    public Func<HealthCheckRegistration, bool>? OverallPredicate { get; set; }
}
