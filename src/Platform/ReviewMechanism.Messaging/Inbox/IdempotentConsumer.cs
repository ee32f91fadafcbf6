using Google.Protobuf;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace ReviewMechanism.Messaging.Inbox;

/// <summary>
/// A MassTransit consumer that applies each message once: the inbox row and the state change made by
/// <see cref="HandleAsync"/> commit in one transaction of <typeparamref name="TContext"/>; a redelivered
/// message (same MessageId) is acknowledged without calling <see cref="HandleAsync"/> again. Events the
/// handler adds to the outbox commit in the same transaction.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TContext>(TContext dbContext) : IConsumer<TMessage>
    where TMessage : class, IMessage
    where TContext : DbContext
{
    protected TContext DbContext { get; } = dbContext;

    /// <summary>The name the inbox records this consumer under; stable across releases (default: the type's full name).</summary>
    protected virtual string ConsumerName => GetType().FullName ?? GetType().Name;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a MessageId; it cannot be deduplicated.");
        await DbContext.ApplyOnceAsync(
            messageId,
            ConsumerName,
            context.Message.Descriptor.FullName,
            ct => HandleAsync(context.Message, context, ct),
            cancellationToken: context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies the message to tracked entities of <see cref="DbContext"/> (do not call SaveChanges: the base class does, in the inbox transaction).</summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context, CancellationToken cancellationToken);
}
