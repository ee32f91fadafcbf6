namespace ReviewMechanism.Messaging.Recovery;

/// <summary>Whether the broker accepts a new connection right now.</summary>
public interface IBrokerProbe
{
    Task<bool> AnswersAsync(CancellationToken cancellationToken);
}
