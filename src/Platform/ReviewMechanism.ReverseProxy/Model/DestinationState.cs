namespace ReviewMechanism.ReverseProxy.Model;

/// <summary>A destination at run time: its address, how many requests it is serving, whether passive health has taken it out.</summary>
public sealed class DestinationState(string destinationId, string address)
{
    private int _concurrentRequests;
    private long _unavailableUntilTicks;
    private int _consecutiveFailures;
    private bool _onProbation;
    private readonly Lock _healthLock = new();

    public string DestinationId { get; } = destinationId;

    /// <summary>The address prefix requests are forwarded to (scheme://host:port[/base]).</summary>
    public string Address { get; } = address;

    public int ConcurrentRequests => Volatile.Read(ref _concurrentRequests);

    internal void RequestStarted() => Interlocked.Increment(ref _concurrentRequests);

    internal void RequestFinished() => Interlocked.Decrement(ref _concurrentRequests);

    /// <summary>False while passive health has taken the destination out.</summary>
    public bool IsAvailable(TimeProvider time) => time.GetUtcNow().UtcTicks >= Volatile.Read(ref _unavailableUntilTicks);

    public int ConsecutiveFailures
    {
        get
        {
            lock (_healthLock)
            {
                return _consecutiveFailures;
            }
        }
    }

    internal void RecordSuccess()
    {
        lock (_healthLock)
        {
            _consecutiveFailures = 0;
            _onProbation = false;
        }
    }

    /// <summary>Counts a transport failure; returns true when it takes the destination out.</summary>
    internal bool RecordFailure(int threshold, TimeSpan reactivationPeriod, TimeProvider time)
    {
        lock (_healthLock)
        {
            var now = time.GetUtcNow().UtcTicks;
            if (now < _unavailableUntilTicks)
            {
                return false;
            }
            _consecutiveFailures++;
            if (_consecutiveFailures < threshold && !_onProbation)
            {
                return false;
            }
            Volatile.Write(ref _unavailableUntilTicks, now + reactivationPeriod.Ticks);
            _consecutiveFailures = 0;
            // Back in after the period, but on probation: its first failure takes it out again.
            _onProbation = true;
            return true;
        }
    }

    public override string ToString() => $"{DestinationId} ({Address})";
}
