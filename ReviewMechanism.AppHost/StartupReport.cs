using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ReviewMechanism.AppHost;

/// <summary>
/// Says when each resource becomes healthy and when all are, in seconds from the AppHost's start (where a start's
/// time goes; bench/cold-start reads the last line).
/// </summary>
internal sealed class StartupReport(DistributedApplicationModel model, ResourceNotificationService notifications, ILogger<StartupReport> logger) : BackgroundService
{
    private readonly long _started = Stopwatch.GetTimestamp();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resources started only on request (Aspire's hidden project rebuilders) are not part of the start.
        var pending = model.Resources.Where(r => !r.Annotations.OfType<ExplicitStartupAnnotation>().Any()).ToDictionary(r => r.Name);
        var count = pending.Count;
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken).ConfigureAwait(false))
            {
                if (pending.TryGetValue(update.Resource.Name, out var resource) && IsHealthy(resource, update.Snapshot))
                {
                    pending.Remove(resource.Name);
                    logger.LogInformation("{Resource} is healthy after {Seconds:0.0} s.", resource.Name, Elapsed);
                    if (pending.Count == 0)
                    {
                        logger.LogInformation("All {Count} resources are healthy after {Seconds:0.0} s.", count, Elapsed);
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped before everything was healthy.
        }
    }

    private double Elapsed => Stopwatch.GetElapsedTime(_started).TotalSeconds;

    private static bool IsHealthy(IResource resource, CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text == KnownResourceStates.Running
        && (snapshot.HealthStatus == HealthStatus.Healthy || (snapshot.HealthStatus is null && !resource.Annotations.OfType<HealthCheckAnnotation>().Any()));
}
