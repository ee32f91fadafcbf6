namespace ReviewMechanism.Messaging.Recovery;

/// <summary>
/// Decides when a bus is stuck rather than waiting for its broker: it is unhealthy (a receive endpoint not ready,
/// or every publish failing) and has stayed so for longer than the allowed time while the broker answered new
/// connections. After each restart that did not help, the allowed time doubles (at most <see cref="MaxWait"/>), so
/// a fault a restart cannot mend does not restart the bus in a loop.
/// </summary>
public sealed class BusStall(TimeSpan recoverAfter)
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(10);

    private DateTimeOffset? _unhealthySince;
    private DateTimeOffset? _answeringSince;
    private readonly TimeSpan _recoverAfter = recoverAfter;
    private TimeSpan _wait = recoverAfter;

    /// <summary>How long the bus must stay unhealthy while the broker answers before it is restarted.</summary>
    public TimeSpan Wait => _wait;

    /// <summary>True when the bus is not healthy: whether the broker answers is worth asking.</summary>
    public static bool IsUnhealthy(bool endpointsHealthy, DateTimeOffset? publishFailingSince) =>
        !endpointsHealthy || publishFailingSince is not null;

    /// <summary>Records one observation; true when the bus should be restarted now.</summary>
    public bool IsStuck(DateTimeOffset now, bool endpointsHealthy, DateTimeOffset? publishFailingSince, bool brokerAnswers)
    {
        if (!IsUnhealthy(endpointsHealthy, publishFailingSince))
        {
            _unhealthySince = null;
            _answeringSince = null;
            _wait = _recoverAfter;
            return false;
        }
        var since = _unhealthySince ?? now;
        if (publishFailingSince is { } failing && failing < since)
        {
            since = failing;
        }
        _unhealthySince = since;
        if (!brokerAnswers)
        {
            _answeringSince = null;
            return false;
        }
        _answeringSince ??= now;
        var stuckSince = since > _answeringSince.Value ? since : _answeringSince.Value;
        return now - stuckSince >= _wait;
    }

    /// <summary>The bus was restarted: observe afresh, and wait twice as long before the next restart.</summary>
    public void Restarted()
    {
        _unhealthySince = null;
        _answeringSince = null;
        _wait = _wait * 2 > MaxWait ? MaxWait : _wait * 2;
    }
}
