namespace ReviewMechanism.Messaging.Inbox;

/// <summary>An event the consumer refuses by its rules (see <see cref="IEventRefusalRule"/>): dead-lettered without retries.</summary>
public sealed class EventRefusedException(string message, Exception? inner = null) : Exception(message, inner);
