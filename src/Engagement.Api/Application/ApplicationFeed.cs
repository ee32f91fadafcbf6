using System.Runtime.CompilerServices;
using Engagement.Api.Data;
using Engagement.Api.Domain.Applications;
using Microsoft.EntityFrameworkCore;

namespace Engagement.Api.Application;

/// <summary>
/// Applications that start to count from now on: read by arrival number from the database (so every instance's
/// arrivals are seen, and only committed ones), woken by this instance's commits or every <see cref="PollInterval"/>.
/// Arrival numbers are drawn before commit, so a transaction may commit after a later number was already read: each
/// read looks back <see cref="LookBack"/> numbers and skips what it already sent.
/// </summary>
public sealed class ApplicationFeed(IServiceScopeFactory scopes, ApplicationFeedSignal signal)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    public const long LookBack = 5_000;
    private const int Batch = 500;

    public async IAsyncEnumerable<DialogueApplication> WatchAsync(Guid? dialogueId, [EnumeratorCancellation] CancellationToken ct)
    {
        long highest;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EngagementDbContext>();
            highest = await db.Applications.MaxAsync(a => a.ArrivalNumber, ct) ?? 0;
        }
        var floor = highest;
        var sent = new Dictionary<Guid, long>();
        while (!ct.IsCancellationRequested)
        {
            var wake = signal.WaitAsync(PollInterval, ct);
            var from = Math.Max(floor, highest - LookBack);
            List<DialogueApplication> batch;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<EngagementDbContext>();
                var query = db.Applications.AsNoTracking().Where(a => a.ArrivalNumber > from);
                if (dialogueId is { } id)
                {
                    query = query.Where(a => a.DialogueId == id);
                }
                var known = sent.Keys.ToList();
                batch = await query.Where(a => !known.Contains(a.Id)).OrderBy(a => a.ArrivalNumber).Take(Batch).ToListAsync(ct);
            }
            foreach (var application in batch)
            {
                var number = application.ArrivalNumber!.Value;
                sent[application.Id] = number;
                highest = Math.Max(highest, number);
                yield return application;
            }
            foreach (var old in sent.Where(s => s.Value <= highest - LookBack).Select(s => s.Key).ToList())
            {
                sent.Remove(old);
            }
            if (batch.Count < Batch)
            {
                await wake;
            }
        }
    }
}
