using ReviewMechanism.Hosting.ApplicationModel;
using ReviewMechanism.Hosting.Servers;

namespace ReviewMechanism.Hosting.Orchestration;

/// <summary>Runs a prepared local server's process (stop and kill do nothing before it is prepared).</summary>
internal sealed class ServerRunner(LocalServerResource resource) : IInstanceRunner
{
    private ILocalServer Server => resource.Server ?? throw new InvalidOperationException($"{resource.Name} is not prepared.");

    public Task<int> Exited => resource.Server?.Process?.Exited ?? Task.FromResult(0);

    public int? Pid => resource.Server?.Process?.Id;

    public Task StartAsync(CancellationToken cancellationToken) => Server.StartProcessAsync(cancellationToken);

    public Task<bool> ProbeAsync(CancellationToken cancellationToken) => Server.ProbeAsync(cancellationToken);

    public Task StopAsync(StopMode mode) => resource.Server?.StopAsync(mode) ?? Task.CompletedTask;

    public void Kill() => resource.Server?.Process?.Kill();
}
