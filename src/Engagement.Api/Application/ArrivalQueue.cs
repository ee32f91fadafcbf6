using System.Threading.Channels;
using Engagement.Api.Domain.Applications;

namespace Engagement.Api.Application;

/// <summary>
/// Group commit of verified arrivals: concurrent submissions wait here and are applied in batches of up to
/// <c>Engagement:MaxArrivalBatch</c> by one worker (<see cref="ArrivalBatch"/>), one transaction per batch; each
/// caller is answered after its batch committed, so an acknowledged application is stored, and an unacknowledged one
/// sent again with the same key finds it or creates it once. While a batch commits the next one gathers, so the batch
/// grows with the load and a lone call waits for no one. When a batch fails as a whole (e.g. another instance stored
/// the same key at the same moment) each of its arrivals is retried alone through the one-by-one path.
/// </summary>
public sealed class ArrivalQueue(IServiceScopeFactory scopes, EngagementOptions options, ApplicationFeedSignal feed, ILogger<ArrivalQueue> logger)
    : IAsyncDisposable
{
    private readonly Channel<PendingArrival> _arrivals = Channel.CreateUnbounded<PendingArrival>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startGate = new();
    private Task? _worker;

    public async Task<DialogueApplication> SubmitAsync(PendingArrival arrival, CancellationToken ct)
    {
        EnsureStarted();
        if (!_arrivals.Writer.TryWrite(arrival))
        {
            throw new ObjectDisposedException(nameof(ArrivalQueue));
        }
        // A caller that gives up leaves its arrival in the queue: if it is applied, a retry with the key finds it.
        return await arrival.Completion.Task.WaitAsync(ct);
    }

    private void EnsureStarted()
    {
        if (Volatile.Read(ref _worker) is not null)
        {
            return;
        }
        lock (_startGate)
        {
            _worker ??= Task.Run(WorkAsync);
        }
    }

    private async Task WorkAsync()
    {
        var batch = new List<PendingArrival>(options.MaxArrivalBatch);
        var reader = _arrivals.Reader;
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < options.MaxArrivalBatch && reader.TryRead(out var arrival))
            {
                batch.Add(arrival);
            }
            await ApplyAsync(batch);
        }
    }

    private async Task ApplyAsync(List<PendingArrival> batch)
    {
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<ArrivalBatch>().ApplyAsync(batch, CancellationToken.None);
            }
            foreach (var arrival in batch)
            {
                arrival.Answer();
            }
            feed.Notify();
        }
        catch (Exception failure)
        {
            logger.LogWarning(failure, "A batch of {Count} arrivals failed as a whole: each is retried alone", batch.Count);
            await Task.WhenAll(batch.Select(AloneAsync));
        }
    }

    private async Task AloneAsync(PendingArrival arrival)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var applications = scope.ServiceProvider.GetRequiredService<ApplicationUseCases>();
            arrival.Completion.TrySetResult(await applications.SubmitAloneAsync(arrival.Command, arrival.Actor, CancellationToken.None));
        }
        catch (Exception e)
        {
            arrival.Completion.TrySetException(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _arrivals.Writer.TryComplete();
        if (_worker is { } worker)
        {
            await worker;
        }
    }
}
