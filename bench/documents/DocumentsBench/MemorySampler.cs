namespace DocumentsBench;

/// <summary>The service's resident memory (VmRSS of /proc/PID/status), sampled every 20 ms while a transfer runs.</summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MemorySampler(int pid)
    {
        _pid = pid;
        Peak = Rss(pid);
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                Peak = Math.Max(Peak, Rss(_pid));
                await Task.Delay(20).ConfigureAwait(false);
            }
        });
    }

    public long Peak { get; private set; }

    public static long Rss(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        Peak = Math.Max(Peak, Rss(_pid));
        _stop.Dispose();
    }
}
