namespace Documents.Tests.Support.Edge;

/// <summary>The largest resident memory a process reaches while this runs, sampled every 20 ms.</summary>
public sealed class ResidentMemoryPeak : IAsyncDisposable
{
    private readonly Func<long> _read;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ResidentMemoryPeak(Func<long> read)
    {
        _read = read;
        Peak = read();
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                Peak = Math.Max(Peak, _read());
                await Task.Delay(20).ConfigureAwait(false);
            }
        });
    }

    public long Peak { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        Peak = Math.Max(Peak, _read());
        _stop.Dispose();
    }
}
