using System.Globalization;
using System.Text;
using ReviewMechanism.Hosting.Processes;

namespace ReviewMechanism.Hosting.Orchestration;

/// <summary>
/// Every process the AppHost starts (and everything those start: postgres backends, epmd) carries
/// the environment variable <see cref="Variable"/> naming the data folder. At start, processes left
/// behind by an AppHost that was killed (SIGKILL leaves no chance to stop children) are found by it
/// and stopped; tests use it to prove that nothing is left behind.
/// </summary>
public static class ProcessReaper
{
    public const string Variable = "REVIEW_MECHANISM_APPHOST_DATA";

    /// <summary>Ids of live processes whose environment marks them as children of an AppHost using <paramref name="dataDirectory"/>.</summary>
    public static IReadOnlyList<int> FindMarked(string dataDirectory)
    {
        var marker = Encoding.UTF8.GetBytes($"{Variable}={Path.GetFullPath(dataDirectory)}\0");
        var found = new List<int>();
        if (!Directory.Exists("/proc"))
        {
            return found;
        }
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }
            try
            {
                var environ = File.ReadAllBytes(Path.Combine(entry, "environ"));
                if (environ.AsSpan().IndexOf(marker) >= 0 && !IsZombie(entry))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone, or not ours to read.
            }
        }
        return found;
    }

    /// <summary>Stops marked processes: SIGTERM, then SIGKILL after <paramref name="grace"/>. Returns how many there were.</summary>
    public static async Task<int> ReapAsync(string dataDirectory, TimeSpan grace, Action<string> log)
    {
        var pids = FindMarked(dataDirectory);
        if (pids.Count == 0)
        {
            return 0;
        }
        log($"Stopping {pids.Count} process(es) left behind by an earlier AppHost run: {string.Join(", ", pids)}.");
        foreach (var pid in pids)
        {
            Signals.Send(pid, Signals.SIGTERM);
        }
        var deadline = DateTime.UtcNow + grace;
        while (DateTime.UtcNow < deadline && FindMarked(dataDirectory).Count > 0)
        {
            await Task.Delay(100).ConfigureAwait(false);
        }
        foreach (var pid in FindMarked(dataDirectory))
        {
            Signals.Send(pid, Signals.SIGKILL);
        }
        return pids.Count;
    }

    private static bool IsZombie(string procEntry)
    {
        var stat = File.ReadAllText(Path.Combine(procEntry, "stat"));
        var close = stat.LastIndexOf(')');
        return close > 0 && close + 2 < stat.Length && stat[close + 2] == 'Z';
    }
}
