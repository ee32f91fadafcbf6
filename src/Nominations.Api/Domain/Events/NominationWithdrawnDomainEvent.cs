namespace Nominations.Api.Domain.Events;

public sealed record NominationWithdrawnDomainEvent(Nomination Nomination) : IDomainEvent
{
    public DateTimeOffset OccurredAt => Nomination.EffectiveUntil ?? Nomination.EffectiveFrom;
}
