using ReviewMechanism.Hosting.Servers;

namespace ReviewMechanism.Hosting.Orchestration;

/// <summary>Runs a prepared local server's process.</summary>
internal sealed class ServerRunner(Func<ILocalServer> server) : IInstanceRunner
{
    public Task<int> Exited => server().Process?.Exited ?? Task.FromResult(0);

    public int? Pid => server().Process?.Id;

    public Task StartAsync(CancellationToken cancellationToken) => server().StartProcessAsync(cancellationToken);

    public Task<bool> ProbeAsync(CancellationToken cancellationToken) => server().ProbeAsync(cancellationToken);

    public Task StopAsync(StopMode mode) => server().StopAsync(mode);

    public void Kill() => server().Process?.Kill();
}
