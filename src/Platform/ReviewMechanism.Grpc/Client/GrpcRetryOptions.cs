namespace ReviewMechanism.Grpc.Client;

/// <summary>
/// Retries of idempotent calls (proto <c>idempotency_level</c> IDEMPOTENT or NO_SIDE_EFFECTS).
/// A call is retried only while no response message has arrived, only for the listed status codes,
/// never past its deadline, and never when the server sends a negative <c>grpc-retry-pushback-ms</c>.
/// Calls of other methods are never retried.
/// </summary>
public sealed class GrpcRetryOptions
{
    /// <summary>Attempts in all, the first included (2 or more enables retries). Default 4.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The median delay before the first retry; it grows exponentially, with jitter. Default 100 ms.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest delay between attempts. Default 2 s.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Status codes that may be retried. Default: UNAVAILABLE only.</summary>
    public ISet<StatusCode> RetryableStatusCodes { get; } = new HashSet<StatusCode> { StatusCode.Unavailable };

    /// <summary>
    /// The most request bytes kept per call for replaying client-streamed messages in a new attempt.
    /// When a call writes more, it commits to its current attempt (no more retries). Default 1 MB.
    /// </summary>
    public long MaxRetryBufferPerCallSize { get; set; } = 1024 * 1024;
}
