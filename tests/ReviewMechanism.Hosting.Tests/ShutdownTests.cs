using ReviewMechanism.Hosting.Orchestration;
using ReviewMechanism.Hosting.Servers;
using ReviewMechanism.Hosting.Testing;
using Xunit.Abstractions;

namespace ReviewMechanism.Hosting.Tests;

public sealed class ShutdownTests(ITestOutputHelper output)
{
    [Fact]
    public async Task StoppingStopsProjectsBeforeWhatTheyUseAndLeavesNoProcessBehind()
    {
        var builder = DistributedApplicationTestingBuilder.Create(configure: o =>
        {
            o.StopMode = StopMode.Graceful;
            o.LogSink = TestOutputSink.For(output);
        });
        var postgres = builder.AddPostgres("postgres");
        var database = postgres.AddDatabase("shutdowndb");
        var messaging = builder.AddRabbitMQ("messaging");
        var redis = builder.AddRedis("redis");
        var service = builder.AddProject<Projects.ReviewMechanism_Hosting_EchoService>("service")
            .WithHttpHealthCheck("/health")
            .WithReference(database).WaitFor(database)
            .WithReference(messaging).WaitFor(messaging)
            .WithReference(redis).WaitFor(redis);
        builder.AddProject<Projects.ReviewMechanism_Hosting_EchoService>("edge")
            .WithHttpHealthCheck("/health")
            .WithReference(service).WaitFor(service);
        var app = await builder.StartAsync(TimeSpan.FromSeconds(150));
        var dataDirectory = app.DataDirectory;
        var running = ProcessReaper.FindMarked(dataDirectory);
        Assert.True(running.Count >= 6, $"Expected the servers' and projects' processes to carry the marker, found {running.Count}.");

        await app.DisposeAsync();

        var at = app.GetSnapshots().ToDictionary(s => s.Name);
        Assert.All(at.Values, s => Assert.Equal("Stopped", s.State));
        Assert.True(at["edge"].StoppedAt <= at["service"].StopRequestedAt, "edge uses service: it stops first.");
        foreach (var infrastructure in new[] { "shutdowndb", "messaging", "redis" })
        {
            Assert.True(at["service"].StoppedAt <= at[infrastructure].StopRequestedAt, $"service stops before {infrastructure}.");
        }
        Assert.True(at["shutdowndb"].StoppedAt <= at["postgres"].StopRequestedAt, "A database stops before its server.");
        Assert.Empty(ProcessReaper.FindMarked(dataDirectory));
        Assert.All(running, pid => Assert.False(Directory.Exists($"/proc/{pid}") && !IsZombie(pid), $"Process {pid} is still alive."));
        Assert.False(Directory.Exists(dataDirectory), "The throwaway data folder is deleted.");
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2] == 'Z';
        }
        catch (IOException)
        {
            return true;
        }
    }
}
