using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReviewMechanism.AppHost;

/// <summary>
/// Says when each resource becomes ready (healthy) and when all are, in seconds from the AppHost process's start
/// (where a start's time goes; bench/cold-start reads the last line).
/// </summary>
internal static class StartupReport
{
    public static void ReportWhenHealthy(this IDistributedApplicationBuilder builder)
    {
        // Resources started only on request (Aspire's hidden project rebuilders) are not part of the start.
        var resources = builder.Resources.Where(r => !r.Annotations.OfType<ExplicitStartupAnnotation>().Any()).ToList();
        var pending = resources.Count;
        foreach (var resource in resources)
        {
            builder.Eventing.Subscribe<ResourceReadyEvent>(resource, (e, _) =>
            {
                var logger = e.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupReport));
                var seconds = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds;
                logger.LogInformation("{Resource} is healthy after {Seconds:0.0} s.", resource.Name, seconds);
                if (Interlocked.Decrement(ref pending) == 0)
                {
                    logger.LogInformation("All {Count} resources are healthy after {Seconds:0.0} s.", resources.Count, seconds);
                }
                return Task.CompletedTask;
            });
        }
    }
}
