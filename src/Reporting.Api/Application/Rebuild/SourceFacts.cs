using Reporting.Api.Application.Reports;
using Reporting.Api.Data.Projections;
using Reporting.Api.IntegrationEvents;
using ReviewMechanism.Events.V1;
using ReviewMechanism.Nominations.V1;
using ReviewMechanism.Reviews.V1;

namespace Reporting.Api.Application.Rebuild;

/// <summary>
/// The same facts the events carry, read from the services' API answers: a review's opening (its first participant's
/// arrival), its parties at each change, its stage history and languages; a nomination and its end.
/// </summary>
public static class SourceFacts
{
    public static OpenedReview Opened(CountryReview review)
    {
        var openedAt = review.Participants.Count == 0 ? DateTimeOffset.UnixEpoch : review.Participants.Min(p => p.JoinedAt.ToDateTimeOffset());
        return new OpenedReview(
            EventFacts.Id(review.Id), EventFacts.Party(review.PartyUnderReview), review.GroupNumber, review.Phase, review.Cluster,
            new DateOnly(review.StartDate.Year, review.StartDate.Month, review.StartDate.Day), openedAt, PlacesAt(review, openedAt));
    }

    /// <summary>The parties after each later arrival or departure (a redraw), as CountryReviewPartiesChanged would say.</summary>
    public static IEnumerable<(DateTimeOffset At, IReadOnlyList<(string Party, string Role)> Places)> PartyChanges(CountryReview review, DateTimeOffset openedAt) =>
        review.Participants
            .SelectMany(p => new[] { p.JoinedAt?.ToDateTimeOffset(), p.LeftAt?.ToDateTimeOffset() })
            .OfType<DateTimeOffset>()
            .Where(t => t > openedAt)
            .Distinct()
            .Order()
            .Select(t => (t, PlacesAt(review, t)));

    public static IEnumerable<StageChange> Stages(CountryReview review) =>
        review.History.Select(h => new StageChange(EventFacts.Id(review.Id), h.At.ToDateTimeOffset(), (int)h.From, (int)h.To));

    /// <summary>The languages, agreed at the preliminary consultation (or when the review entered its stage, if later set).</summary>
    public static AgreedLanguages? Languages(CountryReview review)
    {
        if (review.Languages.Count == 0)
        {
            return null;
        }
        var agreedAt = review.PreliminaryConsultation?.RecordedAt?.ToDateTimeOffset() ?? review.StageEnteredAt.ToDateTimeOffset();
        return new AgreedLanguages(EventFacts.Id(review.Id), [.. review.Languages.Select(ProtoFigures.LanguageCode)], review.LanguagesExceptional, agreedAt);
    }

    public static ReceivedNomination Nominated(Nomination n) => new(
        n.NominationId, EventFacts.Party(n.Party), EventFacts.Role(n.Role), (int)EventFacts.Scope(n.Scope), ScopeReview(n.Scope), n.PersonId, Gender(n.Gender),
        n.EffectiveFrom.ToDateTimeOffset());

    public static EndedNomination? Ended(Nomination n) => n.Status is NominationStatus.Substituted or NominationStatus.Withdrawn && n.EffectiveUntil is { } until
        ? new EndedNomination(n.NominationId, EventFacts.Party(n.Party), EventFacts.Role(n.Role), (int)EventFacts.Scope(n.Scope), ScopeReview(n.Scope), n.PersonId,
            until.ToDateTimeOffset(), n.Status == NominationStatus.Substituted ? "SUBSTITUTED" : "WITHDRAWN")
        : null;

    private static IReadOnlyList<(string Party, string Role)> PlacesAt(CountryReview review, DateTimeOffset at) =>
        [.. review.Participants
            .Where(p => p.JoinedAt.ToDateTimeOffset() <= at && (p.LeftAt is null || p.LeftAt.ToDateTimeOffset() > at))
            .Select(p => (EventFacts.Party(p.Iso3), RoleName(p.Role)))];

    private static string RoleName(ReviewRole role) => role switch
    {
        ReviewRole.PartyUnderReview => Domain.Reviews.PlaceRole.PartyUnderReview,
        ReviewRole.SameRegionReviewer => Domain.Reviews.PlaceRole.SameRegionReviewer,
        ReviewRole.OtherRegionReviewer => Domain.Reviews.PlaceRole.OtherRegionReviewer,
        _ => Domain.Reviews.PlaceRole.AdditionalReviewer,
    };

    private static string Gender(Gender gender) => gender switch
    {
        ReviewMechanism.Nominations.V1.Gender.Female => "female",
        ReviewMechanism.Nominations.V1.Gender.Male => "male",
        _ => "not_informed",
    };

    private static string? ScopeReview(ReviewMechanism.Events.V1.NominationScope? scope) =>
        scope?.Kind == NominationScopeKind.SpecificReview && scope.CountryReviewId.Length > 0 ? EventFacts.Id(scope.CountryReviewId) : null;
}
