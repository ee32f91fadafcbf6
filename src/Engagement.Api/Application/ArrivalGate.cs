namespace Engagement.Api.Application;

/// <summary>
/// Bounds how many submissions stored alone (from the web, or retried alone after a failed batch of the
/// <see cref="ArrivalQueue"/>) and verifications run their transaction at once (<c>Engagement:MaxConcurrentArrivals</c>,
/// default 32). A burst of thousands of calls then waits here, in order and without a time limit of its own (the
/// caller's deadline applies), instead of queuing on the connection pool, whose wait ends in a time-out after
/// 15 s; and fewer transactions queue on a dialogue's row at once.
/// </summary>
public sealed class ArrivalGate(EngagementOptions options)
{
    private readonly SemaphoreSlim _slots = new(options.MaxConcurrentArrivals, options.MaxConcurrentArrivals);

    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        try
        {
            return await work();
        }
        finally
        {
            _slots.Release();
        }
    }
}
