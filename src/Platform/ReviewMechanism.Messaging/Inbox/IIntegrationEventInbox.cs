using Google.Protobuf;
using MassTransit;

namespace ReviewMechanism.Messaging.Inbox;

/// <summary>
/// The one way a service's consumers apply an integration event: once per message and consumer name, in one
/// transaction with the inbox row, under the one rule for refused events (<see cref="IEventRefusalRule"/>).
/// Inject it into a consumer (one consumer class per source queue) and call it from each <c>Consume</c>.
/// </summary>
public interface IIntegrationEventInbox
{
    /// <summary>
    /// Records the message in the inbox as <c>{service}.{MessageName}</c> and runs <paramref name="apply"/> (which changes
    /// tracked entities of the service's DbContext and may add outbox events; the inbox saves and commits). A duplicate is
    /// acknowledged without running it. A refusal rolls back, is logged and goes to <c>&lt;queue&gt;_error</c> without
    /// retries; any other failure rolls back and is retried, then goes to <c>&lt;queue&gt;_error</c>.
    /// </summary>
    Task ApplyOnceAsync<TMessage>(ConsumeContext<TMessage> context, Func<TMessage, CancellationToken, Task> apply)
        where TMessage : class, IMessage;
}
