namespace ReviewMechanism.Messaging.Inbox;

/// <summary>
/// The platform's default rule: <see cref="EventRefusedException"/>, plus whatever the service adds
/// (ServiceDefaults adds its domain errors, except concurrency conflicts, which are retried).
/// </summary>
public sealed class EventRefusalRule(Func<Exception, bool>? alsoRefused = null) : IEventRefusalRule
{
    public bool IsRefusal(Exception error) =>
        error is EventRefusedException || (alsoRefused?.Invoke(error) ?? false);
}
