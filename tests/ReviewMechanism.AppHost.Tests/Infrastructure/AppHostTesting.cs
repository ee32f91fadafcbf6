using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Grpc.Core;
using Grpc.Net.Client;

namespace ReviewMechanism.AppHost.Tests.Infrastructure;

/// <summary>The AppHost under Aspire.Hosting.Testing, and what the tests do to a running stack.</summary>
public static class AppHostTesting
{
    private static readonly ConditionalWeakTable<DistributedApplication, ConcurrentDictionary<string, GrpcChannel>> Channels = [];

    /// <summary>
    /// The real AppHost (ReviewMechanism.AppHost's AppHost.cs), its data in <paramref name="data"/>, ports chosen by Aspire.
    /// The resources' own console output reaches the test log from warnings up (the rest is noise in CI).
    /// </summary>
    public static async Task<IDistributedApplicationTestingBuilder> CreateBuilderAsync(TestDataFolder data)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ReviewMechanism_AppHost>([data.Argument], (options, _) => options.DisableDashboard = true);
        builder.Services.AddLogging(logging => logging.AddFilter("ReviewMechanism.AppHost.Resources", LogLevel.Warning));
        return builder;
    }

    /// <summary>A typed client on the resource's <c>grpc</c> endpoint (h2c); one channel per resource, disposed with the application.</summary>
    public static TClient CreateGrpcClient<TClient>(this DistributedApplication app, string resource)
        where TClient : ClientBase
    {
        var channels = Channels.GetValue(app, _ => new ConcurrentDictionary<string, GrpcChannel>());
        var channel = channels.GetOrAdd(resource, name => GrpcChannel.ForAddress(app.GetEndpoint(name, "grpc")));
        return (TClient)(Activator.CreateInstance(typeof(TClient), (ChannelBase)channel)
            ?? throw new InvalidOperationException($"{typeof(TClient).Name} has no constructor taking a ChannelBase."));
    }

    /// <summary>
    /// SIGKILL to the service's own process, as a crash would (Aspire runs a project through <c>dotnet run</c>, whose
    /// child is the service). The resource then shows as exited until <see cref="StartResourceAsync"/>.
    /// </summary>
    public static async Task KillServiceAsync(this DistributedApplication app, string resource)
    {
        var launcher = Pid(app, resource);
        var service = ProcessTree.Children(launcher).FirstOrDefault();
        ProcessTree.Kill(service == 0 ? launcher : service);
        await app.ResourceNotifications.WaitForResourceAsync(resource, e => e.Snapshot.State?.Text is "Exited" or "Finished" or "FailedToStart")
            .WaitAsync(TimeSpan.FromMinutes(2));
    }

    /// <summary>What the dashboard's Stop does (a graceful stop of the process).</summary>
    public static async Task StopResourceAsync(this DistributedApplication app, string resource)
    {
        var result = await app.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand);
        Assert.True(result.Success, $"stop {resource}: {result.Message}");
    }

    /// <summary>What the dashboard's Start does (same ports, same data), then waits until it is healthy again.</summary>
    public static async Task StartResourceAsync(this DistributedApplication app, string resource, TimeSpan timeout)
    {
        var result = await app.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand);
        Assert.True(result.Success, $"start {resource}: {result.Message}");
        await app.WaitHealthyAsync(resource, timeout);
    }

    public static bool IsHealthy(this DistributedApplication app, string resource) => StackStart.IsHealthy(app, resource);

    /// <summary>The last lines the resource wrote, all levels (the test log only shows warnings and up).</summary>
    public static Task<string> RecentLogsAsync(this DistributedApplication app, string resource, int count = 60) =>
        StackStart.RecentLogsAsync(app, resource, count);

    /// <summary>Waits until the resource is healthy; on timeout the failure says its state and its last log lines.</summary>
    public static async Task WaitHealthyAsync(this DistributedApplication app, string resource, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancel.Token);
        }
        catch (OperationCanceledException e) when (cancel.IsCancellationRequested)
        {
            throw new TimeoutException($"{resource} was not healthy within {timeout}: {app.Describe(resource)}\n{await app.RecentLogsAsync(resource)}", e);
        }
    }

    /// <summary>The resource's state, health and process for a failure message.</summary>
    public static string Describe(this DistributedApplication app, string resource) => StackStart.Describe(app, resource);

    private static int Pid(DistributedApplication app, string resource) =>
        app.ResourceNotifications.TryGetCurrentState(resource, out var e)
        && e.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } value
        && int.TryParse(value.ToString(), out var pid)
            ? pid
            : throw new InvalidOperationException($"{resource} has no process: {Describe(app, resource)}");
}
