namespace Nominations.Api.Domain.Events;

public sealed record PersonNominatedDomainEvent(Nomination Nomination) : IDomainEvent
{
    public DateTimeOffset OccurredAt => Nomination.EffectiveFrom;
}
