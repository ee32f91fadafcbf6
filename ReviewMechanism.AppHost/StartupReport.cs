using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
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
        try
        {
            // Resources started only on request (Aspire's hidden project rebuilders) are not part of the start.
            var started = model.Resources.Where(r => !r.Annotations.OfType<ExplicitStartupAnnotation>().Any()).ToList();
            await Task.WhenAll(started.Select(async resource =>
            {
                await notifications.WaitForResourceHealthyAsync(resource.Name, stoppingToken).ConfigureAwait(false);
                logger.LogInformation("{Resource} is healthy after {Seconds:0.0} s.", resource.Name, Stopwatch.GetElapsedTime(_started).TotalSeconds);
            })).ConfigureAwait(false);
            logger.LogInformation("All {Count} resources are healthy after {Seconds:0.0} s.", started.Count, Stopwatch.GetElapsedTime(_started).TotalSeconds);
        }
        catch (OperationCanceledException)
        {
            // Stopped before everything was healthy.
        }
    }
}
