using Google.Protobuf;
using MassTransit;
using Reviews.Api.Data;
using ReviewMechanism.Messaging.Inbox;

namespace Reviews.Api.IntegrationEvents;

/// <summary>
/// Applies an incoming event once (inbox row and the change in one transaction, under the name
/// <c>reviews.{MessageType}</c>); a refusal by the rules is logged and the message acknowledged, since the
/// same message would be refused again.
/// </summary>
public sealed class InboxConsumption(ReviewsDbContext db, ILogger<InboxConsumption> logger)
{
    public async Task ApplyOnceAsync<TMessage>(ConsumeContext<TMessage> context, Func<TMessage, CancellationToken, Task<EventOutcome>> handle)
        where TMessage : class, IMessage
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a MessageId; it cannot be deduplicated.");
        EventOutcome? outcome = null;
        await db.ApplyOnceAsync(
            messageId,
            "reviews." + context.Message.Descriptor.Name,
            context.Message.Descriptor.FullName,
            async ct => outcome = await handle(context.Message, ct),
            cancellationToken: context.CancellationToken);
        if (outcome is { WasRefused: true })
        {
            logger.LogWarning("{Event} {MessageId} refused: {Reason}", context.Message.Descriptor.Name, messageId, outcome.Refusal);
        }
    }
}
