using ReviewMechanism.Hosting.Servers;

namespace ReviewMechanism.Hosting.Orchestration;

/// <summary>How the orchestrator starts, probes and stops one instance of a resource.</summary>
internal interface IInstanceRunner
{
    /// <summary>Starts the instance; when it returns, the process runs (servers: and serves).</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Completes with the exit code when the current run ends.</summary>
    Task<int> Exited { get; }

    int? Pid { get; }

    Task<bool> ProbeAsync(CancellationToken cancellationToken);

    Task StopAsync(StopMode mode);

    /// <summary>SIGKILL, as a crash would.</summary>
    void Kill();
}
