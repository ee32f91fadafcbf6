namespace ReviewMechanism.ReverseProxy.Forwarder;

/// <summary>Why a forwarded request was cancelled.</summary>
internal enum ProxyCancelReason
{
    None,
    ActivityTimeout,
    ClientAborted,
    RequestBodyTooLarge,
    ResponseCompleted,
}

/// <summary>
/// One token for both directions of a forwarded request. It fires when no byte has moved either way
/// for the activity timeout (every successful read or write calls <see cref="ResetTimeout"/>), when the
/// client aborts (so the destination's stream is reset too), or when the forwarder stops it.
/// A reset only records the time; one timer per request checks it when it fires and re-arms for the
/// remaining time, so busy streams cost no timer operation per chunk.
/// </summary>
internal sealed class ProxyCancellation : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly long _timeoutMs;
    private readonly ITimer? _timer;
    private readonly CancellationTokenRegistration _clientAborted;
    private long _lastActivity;
    private int _reason;

    public ProxyCancellation(TimeSpan activityTimeout, CancellationToken clientAborted)
    {
        if (activityTimeout != Timeout.InfiniteTimeSpan)
        {
            _timeoutMs = Math.Max(1, (long)activityTimeout.TotalMilliseconds);
            _lastActivity = Environment.TickCount64;
            _timer = TimeProvider.System.CreateTimer(static state => ((ProxyCancellation)state!).OnTimer(), this, activityTimeout, Timeout.InfiniteTimeSpan);
        }
        _clientAborted = clientAborted.UnsafeRegister(static state => ((ProxyCancellation)state!).Cancel(ProxyCancelReason.ClientAborted), this);
    }

    public CancellationToken Token => _source.Token;

    public bool IsCancellationRequested => _source.IsCancellationRequested;

    /// <summary>The first reason given.</summary>
    public ProxyCancelReason Reason => (ProxyCancelReason)Volatile.Read(ref _reason);

    public void ResetTimeout() => Volatile.Write(ref _lastActivity, Environment.TickCount64);

    public void Cancel(ProxyCancelReason reason)
    {
        if (Interlocked.CompareExchange(ref _reason, (int)reason, (int)ProxyCancelReason.None) != (int)ProxyCancelReason.None)
        {
            return;
        }
        try
        {
            _source.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void OnTimer()
    {
        var idle = Environment.TickCount64 - Volatile.Read(ref _lastActivity);
        if (idle >= _timeoutMs)
        {
            Cancel(ProxyCancelReason.ActivityTimeout);
            return;
        }
        try
        {
            _timer!.Change(TimeSpan.FromMilliseconds(_timeoutMs - idle), Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // The request finished meanwhile.
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _clientAborted.Dispose();
        _source.Dispose();
    }
}
