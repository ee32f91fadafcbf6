namespace ReviewMechanism.Messaging.Inbox;

/// <summary>
/// Which failures of a consumer are refusals: the event broke a rule of the receiving service, so the same message
/// would fail the same way again. A refusal is not retried; it goes to <c>&lt;queue&gt;_error</c> at once, where it is
/// counted and can be replayed once the cause is fixed. Every other failure is retried first.
/// </summary>
public interface IEventRefusalRule
{
    bool IsRefusal(Exception error);
}
