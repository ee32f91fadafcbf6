using System.Runtime.InteropServices;

namespace ReviewMechanism.LocalServers.Processes;

/// <summary>POSIX signals, for graceful stops (Process.Kill only sends SIGKILL).</summary>
public static partial class Signals
{
    public const int SIGINT = 2;
    public const int SIGQUIT = 3;
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();

    public static bool Send(int pid, int signal) => Kill(pid, signal) == 0;

    public static bool IsRoot => GetEffectiveUserId() == 0;
}
