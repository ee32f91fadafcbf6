using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ReviewMechanism.AppHost.Tests.Infrastructure;

/// <summary>
/// Starts the whole stack for a test fixture (shared with Interop.Tests): every resource healthy, or a failure that
/// names the resource that failed or hung, with its state and last log lines, as soon as one fails rather than when
/// the time is up. Each local server asks the kernel for a free port and binds it moments later; a port taken in
/// between by another test run's process makes that server exit, so a failed start is tried once more from a fresh
/// builder (fresh ports) and an empty data folder, and the first failure is written to the test log.
/// </summary>
public static class StackStart
{
    public static async Task<DistributedApplication> StartHealthyAsync(
        Func<Task<IDistributedApplicationTestingBuilder>> createBuilder, string dataDirectory, TimeSpan timeout, int attempts = 2)
    {
        for (var attempt = 1; ; attempt++)
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var builder = await createBuilder();
            var app = await builder.BuildAsync();
            var failure = await TryStartAsync(app, timeout);
            if (failure is null)
            {
                await Console.Out.WriteLineAsync($"StackStart: every resource healthy after {started.Elapsed.TotalSeconds:F0} s (attempt {attempt}).");
                return app;
            }
            await app.DisposeAsync();
            if (attempt >= attempts)
            {
                throw new TimeoutException($"The stack did not start (attempt {attempt} of {attempts}): {failure}");
            }
            await Console.Error.WriteLineAsync($"StackStart: attempt {attempt} of {attempts} failed, starting again on fresh ports: {failure}");
            EmptyFolder(dataDirectory);
        }
    }

    /// <summary>Null once every resource is healthy; otherwise what went wrong and the logs of every resource that is not.</summary>
    private static async Task<string?> TryStartAsync(DistributedApplication app, TimeSpan timeout)
    {
        // Resources started only on request (Aspire's hidden project rebuilders) are not part of the start.
        var names = app.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Where(r => !r.Annotations.OfType<ExplicitStartupAnnotation>().Any()).Select(r => r.Name).ToHashSet();
        using var cancel = new CancellationTokenSource(timeout);
        var failed = FirstTerminalStateAsync(app, names, cancel.Token);
        var healthy = StartAndWaitHealthyAsync(app, names, cancel.Token);
        var first = await Task.WhenAny(healthy, failed);
        await cancel.CancelAsync();
        string reason;
        if (first == healthy && healthy.Status == TaskStatus.RanToCompletion)
        {
            return null;
        }
        else if (first == failed && failed.Status == TaskStatus.RanToCompletion && failed.Result is { } resource)
        {
            reason = $"{resource} stopped while the stack was starting";
        }
        else if (healthy.Exception?.InnerException is { } error and not OperationCanceledException)
        {
            reason = $"the start failed: {error}";
        }
        else
        {
            reason = $"not every resource was healthy within {timeout}";
        }
        await Task.WhenAll(healthy, failed).ContinueWith(_ => { }, TaskScheduler.Default);
        var report = new List<string> { reason };
        foreach (var name in names.Order())
        {
            report.Add(Describe(app, name));
            if (!IsHealthy(app, name))
            {
                report.Add(await RecentLogsAsync(app, name, 30));
            }
        }
        return string.Join('\n', report);
    }

    private static async Task StartAndWaitHealthyAsync(DistributedApplication app, IReadOnlySet<string> names, CancellationToken cancellationToken)
    {
        await app.StartAsync(cancellationToken);
        await Task.WhenAll(names.Select(name => app.ResourceNotifications.WaitForResourceHealthyAsync(name, cancellationToken)));
    }

    /// <summary>The first resource of the start that reaches Exited, Finished or FailedToStart.</summary>
    private static async Task<string?> FirstTerminalStateAsync(DistributedApplication app, IReadOnlySet<string> names, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var e in app.ResourceNotifications.WatchAsync(cancellationToken))
            {
                if (names.Contains(e.Resource.Name) && e.Snapshot.State?.Text is { } state && KnownResourceStates.TerminalStates.Contains(state))
                {
                    return e.Resource.Name;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The start ended one way or the other.
        }
        return null;
    }

    public static bool IsHealthy(DistributedApplication app, string resource) =>
        app.ResourceNotifications.TryGetCurrentState(resource, out var e)
        && e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
        && e.Snapshot.State?.Text == KnownResourceStates.Running;

    /// <summary>The resource's state, health and process for a failure message.</summary>
    public static string Describe(DistributedApplication app, string resource) =>
        app.ResourceNotifications.TryGetCurrentState(resource, out var e)
            ? $"{resource}: {e.Snapshot.State?.Text} {e.Snapshot.HealthStatus} pid {e.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value} exit {e.Snapshot.ExitCode}"
            : $"{resource}: unknown";

    /// <summary>
    /// The last <paramref name="count"/> lines the resource wrote (all levels, from Aspire's log of the resource), for a
    /// failure message: the test log only shows warnings and up.
    /// </summary>
    public static async Task<string> RecentLogsAsync(DistributedApplication app, string resource, int count = 60)
    {
        var lines = new Queue<string>();
        using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            await foreach (var batch in app.Services.GetRequiredService<ResourceLoggerService>().WatchAsync(resource).WithCancellation(quiet.Token))
            {
                foreach (var line in batch)
                {
                    lines.Enqueue($"  {resource}| {line.Content}");
                    if (lines.Count > count)
                    {
                        lines.Dequeue();
                    }
                }
                quiet.CancelAfter(TimeSpan.FromMilliseconds(500));
            }
        }
        catch (OperationCanceledException)
        {
            // The backlog has been read.
        }
        return string.Join('\n', lines);
    }

    private static void EmptyFolder(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        Directory.CreateDirectory(path);
    }
}
