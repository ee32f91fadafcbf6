using ReviewMechanism.Hosting.Processes;

namespace ReviewMechanism.Hosting.Servers;

/// <summary>
/// A server run as a local child process. Preparation (install, initialise the data folder, generate
/// the password, choose the port) happens once, in the static <c>PrepareAsync</c>; the process itself
/// can then be started, stopped and started again (after a crash too) on the same port and data.
/// </summary>
public interface ILocalServer : IAsyncDisposable
{
    int Port { get; }

    /// <summary>The running process, or null before the first start.</summary>
    ManagedProcess? Process { get; }

    /// <summary>Starts the process and waits until it serves; fails if it is already running.</summary>
    Task StartProcessAsync(CancellationToken cancellationToken = default);

    /// <summary>True when the server answers its protocol's cheapest request.</summary>
    Task<bool> ProbeAsync(CancellationToken cancellationToken = default);

    /// <summary>Stops the process (no-op when not running).</summary>
    Task StopAsync(StopMode mode = StopMode.Graceful);
}
