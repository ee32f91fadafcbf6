using ReviewMechanism.Hosting.ApplicationModel;
using ReviewMechanism.Hosting.Servers;

namespace ReviewMechanism.Hosting;

/// <summary>
/// How the AppHost runs. Each setting has a configuration key (command line <c>--AppHost:Key=value</c>
/// or environment <c>AppHost__Key=value</c>) that wins over the value set in code.
/// </summary>
public sealed class DistributedApplicationOptions
{
    public string[] Args { get; set; } = [];

    /// <summary>The assembly whose build metadata names the repository root (default: the entry assembly).</summary>
    public System.Reflection.Assembly? AppHostAssembly { get; set; }

    /// <summary><c>AppHost:DataDirectory</c>: the persistent data folder; default <c>.data/</c> in the repository root.</summary>
    public string? DataDirectory { get; set; }

    /// <summary><c>AppHost:DashboardPort</c>: 18888 by default; 0 picks a free port; -1 turns the dashboard off.</summary>
    public int DashboardPort { get; set; } = 18888;

    /// <summary><c>AppHost:RandomizePorts</c>: ignore fixed ports (tests run side by side).</summary>
    public bool RandomizePorts { get; set; }

    /// <summary><c>AppHost:DemoData</c> (or <c>--demo-data</c>): services get <c>ReviewMechanism__DemoData=true</c>.</summary>
    public bool DemoData { get; set; }

    /// <summary><c>AppHost:EnvironmentName</c>: passed as ASPNETCORE_ENVIRONMENT; default Development.</summary>
    public string EnvironmentName { get; set; } = "Development";

    /// <summary>Graceful (the AppHost) or fast (throwaway test data).</summary>
    public StopMode StopMode { get; set; } = StopMode.Graceful;

    /// <summary>How long a project gets between SIGTERM and SIGKILL when stopped.</summary>
    public TimeSpan ProjectStopGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><c>AppHost:RestartDelay</c>: the first restart's delay; it doubles with each crash in a row, up to <see cref="MaxRestartDelay"/>.</summary>
    public TimeSpan RestartDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRestartDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A resource that stays healthy this long after a restart starts its backoff over.</summary>
    public TimeSpan StableAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Health probes of healthy resources run this often (unhealthy ones: every 250 ms).</summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Lines kept per resource for the dashboard and tests.</summary>
    public int LogLinesKept { get; set; } = 500;

    /// <summary>Delete the data folder when the application is disposed (a test's throwaway folder).</summary>
    public bool DeleteDataDirectoryOnDispose { get; set; }

    /// <summary>Run only these resources and what they depend on (null: all). Tests use it.</summary>
    public IReadOnlyCollection<string>? ResourceSubset { get; set; }

    /// <summary>Where resources' output lines go; default: the console, prefixed and coloured.</summary>
    public Action<ResourceLogLine>? LogSink { get; set; }
}
