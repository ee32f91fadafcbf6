using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ReviewMechanism.LocalServers.Hosting;

/// <summary>Healthy when the server's protocol probe succeeds (a real request, not a bare TCP connect).</summary>
internal sealed class ProbeHealthCheck(Func<CancellationToken, Task<bool>> probe, string what) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await probe(cancellationToken).ConfigureAwait(false)
                ? HealthCheckResult.Healthy($"{what} answers")
                : HealthCheckResult.Unhealthy($"{what} does not answer yet");
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"{what}: {e.Message}", e);
        }
    }
}
