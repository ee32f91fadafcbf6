namespace ReviewMechanism.Grpc.Server.Internal;

/// <summary>
/// The deadline of a call that sent <c>grpc-timeout</c>: a timer, the handler's token and the lock
/// that serialises response writes with the deadline's own DEADLINE_EXCEEDED response.
/// Calls without <c>grpc-timeout</c> never create one.
/// </summary>
internal sealed class CallDeadline : IAsyncDisposable
{
    private const int Running = 0;
    private const int Expired = 1;
    private const int Aborted = 2;
    private const int Ended = 3;

    // The longest delay a timer accepts; longer grpc-timeout values are clamped to it.
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly HttpServerCallContext _call;
    private readonly CancellationTokenSource _cts = new();
    private ITimer? _timer;
    private CancellationTokenRegistration _abortRegistration;
    private volatile Task? _expiry;
    private int _state;

    public CallDeadline(HttpServerCallContext call)
    {
        _call = call;
    }

    public SemaphoreSlim Lock { get; } = new(1, 1);

    public DateTime Deadline { get; private set; }

    /// <summary>Cancelled when the deadline passes or the client goes away.</summary>
    public CancellationToken Token => _cts.Token;

    public bool IsExpired => Volatile.Read(ref _state) == Expired;

    public void Start(TimeProvider timeProvider, TimeSpan timeout, CancellationToken requestAborted)
    {
        if (timeout > MaxTimeout)
        {
            timeout = MaxTimeout;
        }
        Deadline = timeProvider.GetUtcNow().UtcDateTime + timeout;
        _abortRegistration = requestAborted.UnsafeRegister(static state => ((CallDeadline)state!).OnAborted(), this);
        _timer = timeProvider.CreateTimer(static state => ((CallDeadline)state!).OnExpired(), this, timeout, Timeout.InfiniteTimeSpan);
    }

    private void OnAborted()
    {
        if (Interlocked.CompareExchange(ref _state, Aborted, Running) == Running)
        {
            Cancel();
        }
    }

    private void OnExpired()
    {
        if (Interlocked.CompareExchange(ref _state, Expired, Running) != Running)
        {
            return;
        }
        // The handler's token first (so it stops writing and releases the lock), then the response.
        Cancel();
        _expiry = _call.DeadlineExceededAsync();
    }

    private void Cancel()
    {
        try
        {
            _cts.Cancel();
        }
        catch (AggregateException)
        {
            // A handler's cancellation callback threw; the call ends anyway.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Interlocked.CompareExchange(ref _state, Ended, Running);
        if (_timer is not null)
        {
            // Waits for a running timer callback, so _expiry is set if the deadline fired.
            await _timer.DisposeAsync().ConfigureAwait(false);
        }
        _abortRegistration.Dispose();
        var expiry = _expiry;
        if (expiry is not null)
        {
            await expiry.ConfigureAwait(false);
        }
        // The token source is not disposed: work the handler started may still hold its token.
    }
}
