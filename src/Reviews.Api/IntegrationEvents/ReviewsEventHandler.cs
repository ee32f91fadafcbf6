using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReviewMechanism.Events.V1;
using ReviewMechanism.ServiceDefaults.Errors;
using Reviews.Api.Data;
using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Nominations;
using DomainRole = Reviews.Api.Domain.Nominations.NominationRole;
using DomainScope = Reviews.Api.Domain.Nominations.NominationScope;
using EventRole = ReviewMechanism.Events.V1.NominationRole;

namespace Reviews.Api.IntegrationEvents;

/// <summary>
/// Applies the events of the Nominations and Documents services to the country reviews: focal points and experts
/// nominated, replaced or withdrawn (blockers, the start of a review), and the questionnaire, feedback and list of
/// observations that move the stages. The consumers call it through the platform's inbox (one transaction with the
/// inbox row); a rule refusing an event throws <see cref="DomainException"/>: nothing is stored and the event goes to
/// the error queue without retries (docs/messaging.md).
/// </summary>
public sealed class ReviewsEventHandler(ReviewsDbContext db, TimeProvider time, IOptions<ReviewTimelineOptions> timeline, ILogger<ReviewsEventHandler> logger)
{
    private const string Nominations = "nominations-service";

    public async Task<EventOutcome> HandleAsync(PersonNominated message, CancellationToken cancellationToken)
    {
        if (message.Role is not (EventRole.FocalPoint or EventRole.GovernmentalExpert))
        {
            return EventOutcome.Changed([]);
        }
        if (await db.Nominations.AnyAsync(n => n.NominationId == message.NominationId, cancellationToken))
        {
            return EventOutcome.Changed([]);
        }
        var party = message.Party.ToUpperInvariant();
        var role = message.Role == EventRole.FocalPoint ? DomainRole.FocalPoint : DomainRole.GovernmentalExpert;
        var nomination = KnownNomination.Create(
            message.NominationId, party, role, Scope(message.Scope), message.Scope?.CountryReviewId,
            message.PersonId, message.FullName, message.Email, EffectiveFrom(message.EffectiveFrom));
        db.Nominations.Add(nomination);
        return await ApplyAsync(nomination, review =>
        {
            if (role == DomainRole.FocalPoint)
            {
                review.RecordFocalPoint(party, nomination.ToContact(), nomination.EffectiveFrom, Nominations);
            }
            else
            {
                review.RecordExpert(party, nomination.NominationId, nomination.EffectiveFrom);
            }
        }, cancellationToken);
    }

    public async Task<EventOutcome> HandleAsync(FocalPointReplaced message, CancellationToken cancellationToken)
    {
        var party = message.Party.ToUpperInvariant();
        var at = EffectiveFrom(message.EffectiveFrom);
        var predecessor = await db.Nominations.SingleOrDefaultAsync(n => n.NominationId == message.PredecessorNominationId, cancellationToken);
        predecessor?.End(at);
        var successor = await db.Nominations.SingleOrDefaultAsync(n => n.NominationId == message.SuccessorNominationId, cancellationToken);
        if (successor is null)
        {
            if (message.SuccessorEmail.Length == 0)
            {
                throw DomainException.Invalid("successor_email", $"The replacement of the focal point of {party} names no successor contact (successor_email) and no nomination {message.SuccessorNominationId} is known.");
            }
            successor = KnownNomination.Create(
                message.SuccessorNominationId, party, DomainRole.FocalPoint, Scope(message.Scope), message.Scope?.CountryReviewId,
                message.SuccessorPersonId, message.SuccessorFullName, message.SuccessorEmail, at);
            db.Nominations.Add(successor);
        }
        return await ApplyAsync(successor, review => review.RecordFocalPoint(party, successor.ToContact(), at, Nominations), cancellationToken);
    }

    public async Task<EventOutcome> HandleAsync(NominationWithdrawn message, CancellationToken cancellationToken)
    {
        var nomination = await db.Nominations.SingleOrDefaultAsync(n => n.NominationId == message.NominationId, cancellationToken);
        if (nomination is null || !nomination.IsActive)
        {
            return EventOutcome.Changed([]);
        }
        var at = EffectiveFrom(message.EffectiveFrom);
        var outcome = await ApplyAsync(nomination, review =>
        {
            if (nomination.Role == DomainRole.FocalPoint)
            {
                review.RemoveFocalPoint(nomination.Party, nomination.NominationId, at);
            }
            else
            {
                review.RemoveExpert(nomination.Party, nomination.NominationId);
            }
        }, cancellationToken, save: false);
        nomination.End(at);
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    public Task<EventOutcome> HandleAsync(QuestionnaireTransmitted message, CancellationToken cancellationToken) =>
        OnReviewAsync(message.CountryReviewId, review => review.RecordQuestionnaireSubmitted(
            message.Party.ToUpperInvariant(), At(message.OccurredAt), message.TransmittedBy, timeline.Value), cancellationToken);

    public Task<EventOutcome> HandleAsync(WrittenFeedbackTransmitted message, CancellationToken cancellationToken) =>
        OnReviewAsync(message.CountryReviewId, review => review.RecordWrittenFeedback(
            message.Party.ToUpperInvariant(), At(message.OccurredAt), message.TransmittedBy, timeline.Value), cancellationToken);

    public Task<EventOutcome> HandleAsync(ListOfObservationsFinalized message, CancellationToken cancellationToken) =>
        OnReviewAsync(message.CountryReviewId, review => review.RecordObservationsFinalized(At(message.OccurredAt), message.FinalizedBy), cancellationToken);

    private async Task<EventOutcome> OnReviewAsync(string countryReviewId, Action<CountryReview> change, CancellationToken cancellationToken)
    {
        var id = countryReviewId.Trim().ToUpperInvariant();
        var review = await db.CountryReviews.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            throw DomainException.NotFound("COUNTRY_REVIEW_NOT_FOUND", $"country-review/{id}", $"No country review {id} exists.");
        }
        change(review);
        await db.SaveChangesAsync(cancellationToken);
        return EventOutcome.Changed([review.Id]);
    }

    /// <summary>Applies a nomination to every open review it covers; a review refusing it is skipped and reported.</summary>
    private async Task<EventOutcome> ApplyAsync(KnownNomination nomination, Action<CountryReview> change, CancellationToken cancellationToken, bool save = true)
    {
        var party = nomination.Party;
        var candidates = await db.CountryReviews
            .Where(r => r.PartyCodes.Contains(party) && r.Stage != ReviewStage.Completed)
            .ToListAsync(cancellationToken);
        var changed = new List<string>();
        var refusals = new List<string>();
        foreach (var review in candidates)
        {
            var participant = review.ParticipantOf(party);
            if (participant is null || !nomination.Covers(review.Id, party, participant.Role))
            {
                continue;
            }
            try
            {
                change(review);
                changed.Add(review.Id);
            }
            catch (DomainException error)
            {
                refusals.Add($"{review.Id}: {error.Message}");
            }
        }
        if (save)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        foreach (var refusal in refusals)
        {
            logger.LogWarning("Nomination {NominationId} not applied to {Refusal}", nomination.NominationId, refusal);
        }
        return EventOutcome.Changed(changed);
    }

    /// <summary>The event's own time; the time of handling when the publisher left it out.</summary>
    private DateTimeOffset At(Google.Protobuf.WellKnownTypes.Timestamp? at) => at?.ToDateTimeOffset() ?? time.GetUtcNow();

    private DateTimeOffset EffectiveFrom(Google.Protobuf.WellKnownTypes.Timestamp? at) => At(at);

    private static DomainScope Scope(ReviewMechanism.Events.V1.NominationScope? scope) => scope?.Kind switch
    {
        NominationScopeKind.AsReviewer => DomainScope.AsReviewer,
        NominationScopeKind.SpecificReview => DomainScope.SpecificReview,
        _ => DomainScope.OwnReview,
    };
}
