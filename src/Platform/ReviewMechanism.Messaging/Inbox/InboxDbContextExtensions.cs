using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Messaging.Diagnostics;
using ReviewMechanism.Messaging.Data;

namespace ReviewMechanism.Messaging.Inbox;

/// <summary>Applies a message at most once per consumer, in one transaction with the inbox row.</summary>
public static class InboxDbContextExtensions
{
    /// <summary>
    /// In one transaction: records (<paramref name="messageId"/>, <paramref name="consumer"/>) in the
    /// inbox, runs <paramref name="apply"/> (which changes tracked entities and may add outbox events),
    /// saves and commits. Returns false, without running <paramref name="apply"/>, when the message was
    /// already applied by that consumer. A concurrent duplicate waits on the inbox row's key and then
    /// sees it. When <paramref name="apply"/> throws, nothing is stored and the message can be retried.
    /// </summary>
    public static async Task<bool> ApplyOnceAsync(
        this DbContext db,
        Guid messageId,
        string consumer,
        string messageType,
        Func<CancellationToken, Task> apply,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(apply);
        var table = ModelTables.Quoted(db, typeof(InboxMessage));
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        var applied = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
#pragma warning disable EF1002 // The table name comes from the model, the values are parameters.
            var inserted = await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO {table} (message_id, consumer, message_type, processed_at) VALUES ({{0}}, {{1}}, {{2}}, {{3}}) ON CONFLICT DO NOTHING",
                [messageId, consumer, messageType, now],
                ct).ConfigureAwait(false);
#pragma warning restore EF1002
            if (inserted == 0)
            {
                await transaction.RollbackAsync(ct).ConfigureAwait(false);
                return false;
            }
            await apply(ct).ConfigureAwait(false);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        if (!applied)
        {
            MessagingTelemetry.InboxDuplicates.Add(1, new KeyValuePair<string, object?>("consumer", consumer));
        }
        return applied;
    }
}
