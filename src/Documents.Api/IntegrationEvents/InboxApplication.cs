using Documents.Api.Data;
using Google.Protobuf;
using MassTransit;
using ReviewMechanism.Messaging.Inbox;

namespace Documents.Api.IntegrationEvents;

/// <summary>Applies an incoming event once: the inbox row (<c>documents.{MessageType}</c>) and the change commit together.</summary>
public sealed class InboxApplication(DocumentsDbContext db)
{
    public async Task ApplyOnceAsync<TMessage>(ConsumeContext<TMessage> context, Func<TMessage, CancellationToken, Task> apply)
        where TMessage : class, IMessage
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a MessageId; it cannot be deduplicated.");
        await db.ApplyOnceAsync(
            messageId,
            "documents." + context.Message.Descriptor.Name,
            context.Message.Descriptor.FullName,
            ct => apply(context.Message, ct),
            cancellationToken: context.CancellationToken);
    }
}
