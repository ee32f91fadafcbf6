using ReviewMechanism.Hosting.ApplicationModel;
using ReviewMechanism.Hosting.Servers;

namespace ReviewMechanism.Hosting.Orchestration;

/// <summary>A database has no process: starting creates it, its health is its server's.</summary>
internal sealed class DatabaseRunner(PostgresDatabaseResource database, Func<bool> serverHealthy) : IInstanceRunner
{
    private TaskCompletionSource<int> _run = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<int> Exited => _run.Task;

    public int? Pid => null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _run = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = database.Server.PostgresServer
            ?? throw new InvalidOperationException($"{database.Server.Name} is not prepared.");
        await server.EnsureDatabaseAsync(database.DatabaseName, cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> ProbeAsync(CancellationToken cancellationToken) => Task.FromResult(serverHealthy());

    public Task StopAsync(StopMode mode)
    {
        _run.TrySetResult(0);
        return Task.CompletedTask;
    }

    public void Kill() => _run.TrySetResult(137);
}
