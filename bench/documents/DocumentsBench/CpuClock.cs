using System.Globalization;

namespace DocumentsBench;

/// <summary>CPU time (user + system) a process has used so far, from /proc/PID/stat (fields 14 and 15, in clock ticks of 10 ms).</summary>
internal static class CpuClock
{
    private const double SecondsPerTick = 0.01;

    public static double Seconds(int pid)
    {
        if (pid <= 0)
        {
            return 0;
        }
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) may hold spaces: the fields that follow start after its closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * SecondsPerTick;
    }

    /// <summary>Seconds of CPU used by the service, the gateway and this client.</summary>
    public static (double Service, double Gateway, double Client) Snapshot(int servicePid, int gatewayPid) =>
        (Seconds(servicePid), Seconds(gatewayPid), Seconds(Environment.ProcessId));
}
