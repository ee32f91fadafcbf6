using Google.Protobuf;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReviewMechanism.Messaging.Configuration;
using ReviewMechanism.Messaging.Diagnostics;

namespace ReviewMechanism.Messaging.Inbox;

/// <summary>The inbox of <typeparamref name="TContext"/>: see <see cref="IIntegrationEventInbox"/>.</summary>
public sealed class IntegrationEventInbox<TContext>(
    TContext db,
    IOptions<MessagingOptions> options,
    IEventRefusalRule refusals,
    IEnumerable<IInboxInterceptor> interceptors,
    TimeProvider time,
    ILogger<IntegrationEventInbox<TContext>> logger) : IIntegrationEventInbox
    where TContext : DbContext
{
    private readonly IInboxInterceptor[] _interceptors = [.. interceptors];

    public async Task ApplyOnceAsync<TMessage>(ConsumeContext<TMessage> context, Func<TMessage, CancellationToken, Task> apply)
        where TMessage : class, IMessage
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(apply);
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a MessageId; it cannot be deduplicated.");
        var name = context.Message.Descriptor.Name;
        var consumer = ConsumerName(options.Value.ServiceName, context.Message.Descriptor);
        bool applied;
        try
        {
            applied = await db.ApplyOnceAsync(
                messageId,
                consumer,
                context.Message.Descriptor.FullName,
                async ct =>
                {
                    foreach (var interceptor in _interceptors)
                    {
                        await interceptor.ApplyingAsync(db, ct).ConfigureAwait(false);
                    }
                    await apply(context.Message, ct).ConfigureAwait(false);
                },
                time,
                context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (refusals.IsRefusal(error))
        {
            MessagingTelemetry.InboxRefusals.Add(1, new KeyValuePair<string, object?>("consumer", consumer));
            logger.LogWarning("{Event} {MessageId} refused (to the error queue, not retried): {Reason}", name, messageId, error.Message);
            throw;
        }
        if (applied)
        {
            foreach (var interceptor in _interceptors)
            {
                await interceptor.AppliedAsync(context.CancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The name a message is recorded under in <c>inbox_messages.consumer</c>: <c>{service}.{MessageName}</c>.</summary>
    public static string ConsumerName(string serviceName, Google.Protobuf.Reflection.MessageDescriptor message) =>
        serviceName + "." + message.Name;
}
