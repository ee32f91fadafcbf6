namespace Engagement.Api.Application;

/// <summary>Wakes the watchers of new applications right after this instance committed one (others are found by polling).</summary>
public sealed class ApplicationFeedSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Notify() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Completes at the next <see cref="Notify"/> or after <paramref name="timeout"/>.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => Volatile.Read(ref _next).Task.WaitAsync(timeout, ct).ContinueWith(_ => { }, TaskScheduler.Default);
}
