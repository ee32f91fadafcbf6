namespace Nominations.Api.Domain.Events;

public sealed record FocalPointReplacedDomainEvent(Nomination Predecessor, Nomination Successor, Handover Handover) : IDomainEvent
{
    public DateTimeOffset OccurredAt => Handover.HandedOverAt;
}
