using ReviewMechanism.LocalServers.Processes;

namespace ReviewMechanism.LocalServers;

/// <summary>
/// A server run as a local process. <c>Configure</c> (static, cheap) fixes its ports, data folder and password;
/// <see cref="InstallAndInitializeAsync"/> installs the package when missing and initialises the data folder, once;
/// <see cref="CreateProcessSpec"/> says what to run. The AppHost hands that spec to Aspire; tests start it with
/// <see cref="StartProcessAsync"/>, which can be called again after a stop or a crash (same ports, same data).
/// </summary>
public interface ILocalServer : IAsyncDisposable
{
    int Port { get; }

    /// <summary>The running process started by <see cref="StartProcessAsync"/>, or null before the first start.</summary>
    ManagedProcess? Process { get; }

    /// <summary>Installs the Debian package (or restores the tool) when missing and initialises the data folder; runs once.</summary>
    Task InstallAndInitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>The program, arguments and environment of the server process (after <see cref="InstallAndInitializeAsync"/>).</summary>
    ProcessSpec CreateProcessSpec();

    /// <summary>Starts the process and waits until it serves; fails if it is already running.</summary>
    Task StartProcessAsync(CancellationToken cancellationToken = default);

    /// <summary>True when the server answers its protocol's cheapest request.</summary>
    Task<bool> ProbeAsync(CancellationToken cancellationToken = default);

    /// <summary>Stops the process (no-op when not running).</summary>
    Task StopAsync(StopMode mode = StopMode.Graceful);
}
