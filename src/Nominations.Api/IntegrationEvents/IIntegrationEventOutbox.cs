using Google.Protobuf;

namespace Nominations.Api.IntegrationEvents;

/// <summary>
/// Where the repository puts the integration events of a save, in the same database transaction.
/// Implemented by the messaging library's transactional outbox (ReviewMechanism.Messaging) when it lands.
/// </summary>
public interface IIntegrationEventOutbox
{
    void Enqueue(IMessage integrationEvent);
}
