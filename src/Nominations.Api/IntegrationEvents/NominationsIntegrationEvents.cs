using Google.Protobuf.WellKnownTypes;
using Nominations.Api.Domain;
using Nominations.Api.Domain.Events;
using Events = ReviewMechanism.Events.V1;

namespace Nominations.Api.IntegrationEvents;

/// <summary>
/// Turns the roster's domain events into the integration events of
/// protos/reviewmechanism/events/v1/nominations_events.proto. A substitution publishes
/// FocalPointReplaced and then PersonNominated for the successor (Identity creates the successor's account).
/// </summary>
public static class NominationsIntegrationEvents
{
    public static Google.Protobuf.IMessage From(IDomainEvent domainEvent) => domainEvent switch
    {
        PersonNominatedDomainEvent e => PersonNominated(e.Nomination),
        FocalPointReplacedDomainEvent e => FocalPointReplaced(e),
        NominationWithdrawnDomainEvent e => Withdrawn(e.Nomination),
        _ => throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent.GetType().Name, "No integration event for this domain event."),
    };

    public static Events.NominationRole Role(NominationRole role) => role switch
    {
        NominationRole.FocalPoint => Events.NominationRole.FocalPoint,
        NominationRole.GovernmentalExpert => Events.NominationRole.GovernmentalExpert,
        NominationRole.Observer => Events.NominationRole.Observer,
        _ => Events.NominationRole.Unspecified,
    };

    public static Events.NominationScope Scope(NominationScope scope) => new()
    {
        Kind = scope.Kind switch
        {
            ScopeKind.OwnReview => Events.NominationScopeKind.OwnReview,
            ScopeKind.AsReviewer => Events.NominationScopeKind.AsReviewer,
            ScopeKind.SpecificReview => Events.NominationScopeKind.SpecificReview,
            _ => Events.NominationScopeKind.Unspecified,
        },
        CountryReviewId = scope.CountryReviewId ?? "",
    };

    /// <summary>The event's gender string: "female", "male" or "not_informed".</summary>
    public static string GenderText(Gender gender) => gender switch
    {
        Gender.Female => "female",
        Gender.Male => "male",
        _ => "not_informed",
    };

    private static Events.PersonNominated PersonNominated(Nomination n) => new()
    {
        NominationId = n.Id.ToString(),
        Party = n.Party,
        Role = Role(n.Role),
        Scope = Scope(n.Scope),
        PersonId = n.PersonId.ToString(),
        FullName = n.Person.FullName,
        Title = n.Person.Title,
        Email = n.Person.Email,
        Gender = GenderText(n.Person.Gender),
        EffectiveFrom = Timestamp.FromDateTimeOffset(n.EffectiveFrom),
        NominatedBy = n.NominatedBy,
        Affiliation = n.Person.Affiliation,
        Phone = n.Person.Phone,
    };

    private static Events.FocalPointReplaced FocalPointReplaced(FocalPointReplacedDomainEvent e) => new()
    {
        Party = e.Successor.Party,
        Scope = Scope(e.Successor.Scope),
        PredecessorNominationId = e.Predecessor.Id.ToString(),
        SuccessorNominationId = e.Successor.Id.ToString(),
        Reason = e.Handover.Reason,
        HandedOverTaskIds = { e.Handover.Items.Select(i => i.TaskId.ToString()) },
        EffectiveFrom = Timestamp.FromDateTimeOffset(e.Successor.EffectiveFrom),
        PredecessorPersonId = e.Predecessor.PersonId.ToString(),
        SuccessorPersonId = e.Successor.PersonId.ToString(),
    };

    private static Events.NominationWithdrawn Withdrawn(Nomination n) => new()
    {
        NominationId = n.Id.ToString(),
        Party = n.Party,
        Role = Role(n.Role),
        Scope = Scope(n.Scope),
        Reason = n.EndReason ?? "",
        EffectiveFrom = Timestamp.FromDateTimeOffset(n.EffectiveUntil ?? n.EffectiveFrom),
        PersonId = n.PersonId.ToString(),
    };
}
