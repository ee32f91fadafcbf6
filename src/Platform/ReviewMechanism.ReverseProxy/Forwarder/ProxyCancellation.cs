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
/// </summary>
internal sealed class ProxyCancellation : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly TimeSpan _timeout;
    private readonly CancellationTokenRegistration _clientAborted;
    private int _reason;

    public ProxyCancellation(TimeSpan activityTimeout, CancellationToken clientAborted)
    {
        _timeout = activityTimeout;
        ResetTimeout();
        _clientAborted = clientAborted.UnsafeRegister(static state => ((ProxyCancellation)state!).Cancel(ProxyCancelReason.ClientAborted), this);
    }

    public CancellationToken Token => _source.Token;

    public bool IsCancellationRequested => _source.IsCancellationRequested;

    /// <summary>The first reason given; a cancellation nobody gave a reason for is the timer's.</summary>
    public ProxyCancelReason Reason
    {
        get
        {
            var reason = (ProxyCancelReason)Volatile.Read(ref _reason);
            return reason == ProxyCancelReason.None && _source.IsCancellationRequested ? ProxyCancelReason.ActivityTimeout : reason;
        }
    }

    public void ResetTimeout()
    {
        if (_timeout != Timeout.InfiniteTimeSpan && !_source.IsCancellationRequested)
        {
            try
            {
                _source.CancelAfter(_timeout);
            }
            catch (ObjectDisposedException)
            {
                // A late read/write after the request finished: nothing left to time.
            }
        }
    }

    public void Cancel(ProxyCancelReason reason)
    {
        if (_source.IsCancellationRequested)
        {
            return;
        }
        Interlocked.CompareExchange(ref _reason, (int)reason, (int)ProxyCancelReason.None);
        try
        {
            _source.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        _clientAborted.Dispose();
        _source.Dispose();
    }
}
