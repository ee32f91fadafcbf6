using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Health.V1;
using ReviewMechanism.Hosting.ApplicationModel;
using ReviewMechanism.Hosting.Testing;
using Xunit.Abstractions;

namespace ReviewMechanism.Hosting.Tests;

/// <summary>Projects only (no servers): crashes, restarts, waiting on health, replicas.</summary>
public sealed class ProjectLifecycleTests(ITestOutputHelper output)
{
    private IDistributedApplicationTestingBuilder Builder(Action<DistributedApplicationOptions>? configure = null) =>
        DistributedApplicationTestingBuilder.Create(configure: options =>
        {
            options.LogSink = TestOutputSink.For(output);
            configure?.Invoke(options);
        });

    [Fact]
    public async Task ACrashedProjectIsRestartedWithGrowingDelaysAndTheDashboardCountsRestarts()
    {
        var builder = Builder(o => o.RestartDelay = TimeSpan.FromMilliseconds(500));
        builder.AddProject<Projects.ReviewMechanism_Hosting_EchoService>("flaky").WithHttpHealthCheck("/health");
        await using var app = await builder.StartAsync();
        var firstPid = (await EchoReport.GetAsync(app, "flaky")).Pid;

        app.KillResource("flaky");
        var restarting = await app.ResourceNotifications.WaitForResourceAsync("flaky", s => s.State == KnownResourceStates.Restarting);
        Assert.Equal(0.5, restarting[0].RestartDelaySeconds);
        Assert.Equal(137, restarting[0].ExitCode);
        await app.ResourceNotifications.WaitForResourceAsync("flaky", s => s.IsHealthy && s.RestartCount == 1);
        var secondPid = (await EchoReport.GetAsync(app, "flaky")).Pid;
        Assert.NotEqual(firstPid, secondPid);

        app.KillResource("flaky");
        restarting = await app.ResourceNotifications.WaitForResourceAsync("flaky", s => s.State == KnownResourceStates.Restarting);
        Assert.Equal(1.0, restarting[0].RestartDelaySeconds);
        await app.ResourceNotifications.WaitForResourceAsync("flaky", s => s.IsHealthy && s.RestartCount == 2);

        using var dashboard = new HttpClient { BaseAddress = app.DashboardUrl };
        var json = await dashboard.GetFromJsonAsync<JsonElement>("/api/resources");
        var flaky = json.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "flaky");
        Assert.Equal(2, flaky.GetProperty("restartCount").GetInt32());
        Assert.Equal("Running", flaky.GetProperty("state").GetString());
        Assert.Equal("Healthy", flaky.GetProperty("health").GetString());
        Assert.Contains("<td class=\"restarts\">2</td>", await dashboard.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProjectWaitsUntilItsDependencyIsHealthyNotMerelyRunning()
    {
        var builder = Builder();
        var slow = builder.AddProject<Projects.ReviewMechanism_Hosting_EchoService>("slow")
            .WithHttpHealthCheck("/health")
            .WithEnvironment("Echo__UnhealthyForSeconds", "3");
        builder.AddProject<Projects.ReviewMechanism_Hosting_EchoService>("dependent")
            .WithHttpHealthCheck("/health")
            .WithReference(slow)
            .WaitFor(slow);
        var app = await builder.BuildAsync();
        await using (app)
        {
            await app.StartAsync();
            var whileUnhealthy = await app.ResourceNotifications.WaitAsync(all =>
                all.Single(s => s.Name == "slow") is { State: KnownResourceStates.Running, Health: HealthStatus.Unhealthy } ? all : null);
            Assert.Equal(KnownResourceStates.Waiting, whileUnhealthy.Single(s => s.Name == "dependent").State);

            await app.WaitForAllHealthyAsync();
            var snapshots = app.GetSnapshots().ToDictionary(s => s.Name);
            Assert.True(snapshots["slow"].HealthyAt - snapshots["slow"].StartedAt >= TimeSpan.FromSeconds(2.5));
            Assert.True(snapshots["dependent"].StartedAt >= snapshots["slow"].HealthyAt);
        }
    }

    [Fact]
    public async Task ReplicasGetTheirOwnPortsAndAReferenceListsEveryReplica()
    {
        var builder = Builder();
        var multi = builder.AddProject<Projects.ReviewMechanism_Hosting_EchoService>("multi").WithHttpHealthCheck("/health").WithReplicas(2);
        builder.AddProject<Projects.ReviewMechanism_Hosting_EchoService>("caller").WithHttpHealthCheck("/health").WithReference(multi).WaitFor(multi);
        await using var app = await builder.StartAsync();

        Assert.Equal(["multi-0", "multi-1", "caller"], app.GetSnapshots().Select(s => s.Name));
        var caller = (await EchoReport.GetAsync(app, "caller")).Environment;
        var replicas = new[] { caller["services__multi__grpc__0"]!, caller["services__multi__grpc__1"]! };
        Assert.Equal([app.GetEndpoint("multi", "grpc", 0).ToString().TrimEnd('/'), app.GetEndpoint("multi", "grpc", 1).ToString().TrimEnd('/')], replicas);
        Assert.NotEqual(replicas[0], replicas[1]);
        var pids = new[] { (await EchoReport.GetAsync(app, "multi", replica: 0)).Pid, (await EchoReport.GetAsync(app, "multi", replica: 1)).Pid };
        Assert.NotEqual(pids[0], pids[1]);
        Assert.Contains(app.GetLogs("multi", replica: 1), line => line.Contains(app.GetEndpoint("multi", "grpc", 1).ToString().TrimEnd('/'), StringComparison.Ordinal));

        for (var replica = 0; replica < 2; replica++)
        {
            var client = app.CreateGrpcClient<Health.HealthClient>("multi", replica: replica);
            using var call = client.CheckAsync(new HealthCheckRequest());
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await call).Status);
            Assert.Equal(pids[replica].ToString(System.Globalization.CultureInfo.InvariantCulture), (await call.ResponseHeadersAsync).GetValue("echo-pid"));
        }
    }

    [Fact]
    public async Task AStoppedProjectStaysDownUntilStartedAgain()
    {
        var builder = Builder(o => o.RestartDelay = TimeSpan.FromMilliseconds(100));
        builder.AddProject<Projects.ReviewMechanism_Hosting_EchoService>("paused").WithHttpHealthCheck("/health");
        await using var app = await builder.StartAsync();

        await app.StopResourceAsync("paused");
        await Task.Delay(1000);
        var stopped = app.GetSnapshots().Single();
        Assert.Equal(KnownResourceStates.Stopped, stopped.State);
        Assert.Null(stopped.Pid);
        Assert.Equal(0, stopped.RestartCount);

        await app.StartResourceAsync("paused");
        await app.WaitForResourceHealthyAsync("paused");
        Assert.Equal(0, app.GetSnapshots().Single().RestartCount);
    }
}
