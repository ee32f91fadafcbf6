using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReviewMechanism.Messaging.Data;
using ReviewMechanism.Messaging.Diagnostics;
using ReviewMechanism.Messaging.Inbox;
using ReviewMechanism.Messaging.Recovery;
using ReviewMechanism.Messaging.Serialization;

namespace ReviewMechanism.Messaging.Outbox;

/// <summary>
/// Publishes the events stored in one DbContext's outbox after their transaction committed. Each batch
/// of rows is locked with <c>FOR UPDATE SKIP LOCKED</c> (several instances of a service never take the
/// same row), published in order with publisher confirms and the row id as MessageId, and marked sent
/// only once the broker confirmed it. While the broker is unreachable the relay backs off exponentially.
/// </summary>
public sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    ConfirmedPublisher publisher,
    OutboxSignal<TContext> signal,
    IOptions<OutboxOptions> options,
    TimeProvider timeProvider,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            BatchResult result;
            try
            {
                result = await RelayBatchAsync(settings, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                result = new BatchResult(0, ex);
            }

            if (result.Failure is not null)
            {
                failures++;
                var delay = Backoff(settings, failures);
                LogRelayFailed(logger, typeof(TContext).Name, failures, delay.TotalMilliseconds, result.Failure);
                try
                {
                    await Task.Delay(delay, timeProvider, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                continue;
            }

            if (failures > 0)
            {
                LogRelayRecovered(logger, typeof(TContext).Name, failures);
                failures = 0;
            }
            if (result.Published >= settings.BatchSize)
            {
                continue;
            }
            try
            {
                await CleanupIfDueAsync(settings, stoppingToken).ConfigureAwait(false);
                await signal.WaitAsync(settings.PollInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Exponential backoff: MinBackoff * 2^(failures-1), at most MaxBackoff.</summary>
    public static TimeSpan Backoff(OutboxOptions settings, int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures - 1, 30));
        var millis = Math.Min(settings.MinBackoff.TotalMilliseconds * factor, settings.MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(millis);
    }

    private async Task<BatchResult> RelayBatchAsync(OutboxOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var table = ModelTables.Quoted(db, typeof(OutboxMessage));
        var sql = $"SELECT * FROM {table} WHERE sent_at IS NULL ORDER BY sequence LIMIT {{0}} FOR UPDATE SKIP LOCKED";
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            var batch = await db.Set<OutboxMessage>().FromSqlRaw(sql, settings.BatchSize).ToListAsync(ct).ConfigureAwait(false);
            var published = 0;
            Exception? failure = null;
            foreach (var message in batch)
            {
                message.Attempts++;
                message.LastAttemptAt = timeProvider.GetUtcNow();
                DecodedMessage decoded;
                try
                {
                    decoded = Decode(message);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A row this service cannot read must not block the rows after it.
                    message.LastError = Truncate($"Cannot decode: {ex.Message}");
                    LogUndecodable(logger, message.Id, message.ClrType, ex);
                    continue;
                }
                try
                {
                    await PublishAsync(message, decoded, settings, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    message.LastError = Truncate(ex.Message);
                    MessagingTelemetry.OutboxPublishFailures.Add(1);
                    failure = ex;
                    break;
                }
                message.SentAt = timeProvider.GetUtcNow();
                message.LastError = null;
                published++;
                MessagingTelemetry.OutboxPublished.Add(1);
            }
            if (batch.Count > 0)
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
            }
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return new BatchResult(published, failure);
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task PublishAsync(OutboxMessage row, DecodedMessage decoded, OutboxOptions settings, CancellationToken cancellationToken)
    {
        using var activity = StartActivity(row);
        var parentId = Activity.Current?.Id ?? row.TraceParent;
        var pipe = Pipe.Execute<PublishContext>(context =>
        {
            context.MessageId = row.Id;
            if (parentId is not null)
            {
                // MassTransit replaces this with its own send activity's id when it traces; when it does
                // not (nobody listens to it), the consumer still continues the stored trace.
                context.Headers.Set(MessagingTelemetry.ActivityIdHeader, parentId);
            }
        });
        await publisher.PublishAsync(decoded.Message, decoded.Type, pipe, settings.PublishTimeout, cancellationToken).ConfigureAwait(false);
        activity?.SetStatus(ActivityStatusCode.Ok);
    }

    private static Activity? StartActivity(OutboxMessage row)
    {
        ActivityContext parent = default;
        var hasParent = row.TraceParent is not null && ActivityContext.TryParse(row.TraceParent, row.TraceState, isRemote: true, out parent);
        var activity = MessagingTelemetry.ActivitySource.StartActivity($"outbox publish {row.MessageType}", ActivityKind.Internal, parent);
        if (activity is null && hasParent)
        {
            // Nobody records our spans, but the message must still carry the stored trace context.
            activity = new Activity("outbox publish");
            activity.SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags);
            activity.TraceStateString = row.TraceState;
            activity.Start();
        }
        activity?.SetTag("messaging.message.id", row.Id.ToString("D"));
        activity?.SetTag("messaging.outbox.attempt", row.Attempts);
        return activity;
    }

    private static DecodedMessage Decode(OutboxMessage row)
    {
        var type = ProtobufMessageTypes.Resolve(row.ClrType);
        return new DecodedMessage(ProtobufMessageTypes.Parse(type, row.Payload), type);
    }

    private async Task CleanupIfDueAsync(OutboxOptions settings, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (now < _nextCleanup)
        {
            return;
        }
        _nextCleanup = now + settings.CleanupInterval;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            var sentBefore = now - settings.SentRetention;
            await db.Set<OutboxMessage>().Where(m => m.SentAt != null && m.SentAt < sentBefore).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            if (db.Model.FindEntityType(typeof(InboxMessage)) is not null)
            {
                var processedBefore = now - settings.InboxRetention;
                await db.Set<InboxMessage>().Where(m => m.ProcessedAt < processedBefore).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCleanupFailed(logger, typeof(TContext).Name, ex);
        }
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];

    private readonly record struct BatchResult(int Published, Exception? Failure);

    private readonly record struct DecodedMessage(Google.Protobuf.IMessage Message, Type Type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay of {Context} failed ({Failures} in a row); retrying in {DelayMs} ms")]
    private static partial void LogRelayFailed(ILogger logger, string context, int failures, double delayMs, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox relay of {Context} publishes again after {Failures} failed attempts")]
    private static partial void LogRelayRecovered(ILogger logger, string context, int failures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} of type {ClrType} cannot be decoded; it stays unsent")]
    private static partial void LogUndecodable(ILogger logger, Guid messageId, string clrType, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox cleanup of {Context} failed")]
    private static partial void LogCleanupFailed(ILogger logger, string context, Exception exception);
}
