using ReviewMechanism.ServiceDefaults.Errors;
using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Groups;
using Reviews.Api.Domain.Phases;
using Reviews.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Reviews.Tests.Domain;

public class PhaseTests
{
    private readonly FakeTimeProvider _clock = Clocks.At(2020, 12, 1);
    private readonly PhaseOptions _options = new();
    private readonly ReviewTimelineOptions _timeline = new();

    [Fact]
    public void PhasesReviewClustersOneFourThreeTwo()
    {
        Assert.Equal([1, 4, 3, 2], Enumerable.Range(1, 4).Select(p => PhasePlanner.ClusterOf(p, _options)));
        Assert.Throws<DomainException>(() => PhasePlanner.ClusterOf(5, _options));
    }

    [Theory]
    [InlineData(63, 45)]
    [InlineData(62, 44)]
    [InlineData(64, 45)]
    [InlineData(10, 7)]
    public void TheThresholdCountsWholeReviews(int foreseen, int required)
    {
        Assert.Equal(required, PhasePlanner.RequiredCompletions(foreseen, 0.70));
    }

    [Fact]
    public void BelowSeventyPercentTheGroupCannotAdvance()
    {
        var (group, reviews) = GroupWithReviews(10);
        Complete(reviews.Take(6));
        var progress = PhasePlanner.Progress(group, reviews, _options);
        Assert.Equal((10, 6, false, false), (progress.ReviewsForeseen, progress.ReviewsCompleted, progress.ThresholdMet, progress.MayAdvance));
        Assert.Contains("7 (70%) are required", progress.Explanation);
        var error = Assert.Throws<DomainException>(() => PhasePlanner.LaunchNextPhase(group, reviews, new DateOnly(2022, 12, 1), _options, _timeline, (_, _) => null, _clock.GetUtcNow(), "s"));
        Assert.Equal("PHASE_THRESHOLD", error.Code);
        Assert.Equal(1, group.CurrentPhase);
    }

    [Fact]
    public void AtSeventyPercentTheNextPhaseStartsWithTheSamePairings()
    {
        var (group, reviews) = GroupWithReviews(10);
        Complete(reviews.Take(7));
        var next = PhasePlanner.LaunchNextPhase(group, reviews, new DateOnly(2022, 12, 1), _options, _timeline, (_, _) => null, _clock.GetUtcNow(), "s");
        Assert.Equal(10, next.Count);
        Assert.All(next, r => Assert.Equal((2, 4, new DateOnly(2022, 12, 1)), (r.Phase, r.Cluster, r.StartDate)));
        foreach (var review in next)
        {
            var previous = reviews.Single(r => r.PartyUnderReview == review.PartyUnderReview);
            Assert.Equal(previous.ActiveParticipants.Select(p => (p.Iso3, p.Role)), review.ActiveParticipants.Select(p => (p.Iso3, p.Role)));
            Assert.Equal($"{review.PartyUnderReview}-C4", review.Id);
        }
        Assert.Equal(2, group.CurrentPhase);
        Assert.Equal(10, group.PhaseOf(2)!.ReviewsForeseen);
    }

    [Fact]
    public void AConferenceDecisionLetsAGroupAdvanceBelowTheThreshold()
    {
        var (group, reviews) = GroupWithReviews(10);
        Complete(reviews.Take(2));
        var decision = group.RecordConferenceDecision(1, ConferenceDecisionOutcome.Advance, "CTOC/COP/2024/L.5, decision 12/1", new DateOnly(2020, 11, 30), null, _clock.GetUtcNow(), "s");
        var progress = PhasePlanner.Progress(group, reviews, _options);
        Assert.False(progress.ThresholdMet);
        Assert.True(progress.MayAdvance);
        Assert.Contains("CTOC/COP/2024/L.5", progress.Explanation);
        PhasePlanner.LaunchNextPhase(group, reviews, new DateOnly(2022, 12, 1), _options, _timeline, (_, _) => null, _clock.GetUtcNow(), "s");
        Assert.Equal(decision.Id, group.PhaseOf(2)!.ConferenceDecisionId);
    }

    [Fact]
    public void AConferenceDecisionCanHoldAGroupThatMetTheThreshold()
    {
        var (group, reviews) = GroupWithReviews(10);
        Complete(reviews.Take(9));
        group.RecordConferenceDecision(1, ConferenceDecisionOutcome.Hold, "decision 12/3", new DateOnly(2020, 11, 30), "wait for the thematic discussions", _clock.GetUtcNow(), "s");
        var progress = PhasePlanner.Progress(group, reviews, _options);
        Assert.True(progress.ThresholdMet);
        Assert.False(progress.MayAdvance);
    }

    [Fact]
    public void AConferenceDecisionNeedsAReferenceAndTheCurrentPhase()
    {
        var (group, _) = GroupWithReviews(3);
        Assert.Equal(DomainErrorKind.InvalidArgument, Assert.Throws<DomainException>(() =>
            group.RecordConferenceDecision(1, ConferenceDecisionOutcome.Advance, " ", new DateOnly(2020, 11, 30), null, _clock.GetUtcNow(), "s")).Kind);
        Assert.Equal("PHASE_ORDER", Assert.Throws<DomainException>(() =>
            group.RecordConferenceDecision(2, ConferenceDecisionOutcome.Advance, "d", new DateOnly(2020, 11, 30), null, _clock.GetUtcNow(), "s")).Code);
    }

    [Fact]
    public void TheConfiguredThresholdApplies()
    {
        var (group, reviews) = GroupWithReviews(10);
        Complete(reviews.Take(5));
        Assert.True(PhasePlanner.Progress(group, reviews, new PhaseOptions { CompletionThreshold = 0.5 }).MayAdvance);
    }

    [Fact]
    public void TheLastPhaseHasNoNextPhase()
    {
        var (group, reviews) = GroupWithReviews(2);
        var all = reviews.ToList();
        for (var phase = 2; phase <= 4; phase++)
        {
            Complete(all.Where(r => r.Phase == phase - 1));
            all.AddRange(PhasePlanner.LaunchNextPhase(group, all, new DateOnly(2020 + (phase * 2), 12, 1), _options, _timeline, (_, _) => null, _clock.GetUtcNow(), "s"));
        }
        Assert.Equal([1, 4, 3, 2], group.Phases.Select(p => p.Cluster));
        Complete(all.Where(r => r.Phase == 4));
        var error = Assert.Throws<DomainException>(() => PhasePlanner.LaunchNextPhase(group, all, new DateOnly(2030, 1, 1), _options, _timeline, (_, _) => null, _clock.GetUtcNow(), "s"));
        Assert.Equal("PHASE_ORDER", error.Code);
    }

    private (ReviewGroup Group, List<CountryReview> Reviews) GroupWithReviews(int count)
    {
        var purs = RealParties.All.Where(p => p.RegionalGroup == Reviews.Api.Domain.Parties.RegionalGroup.African).Take(count).Select(p => p.Iso3).ToList();
        var group = ReviewGroup.Create(1, new DateOnly(2020, 12, 1), purs, Guid.NewGuid(), _clock.GetUtcNow());
        var weog = RealParties.All.Where(p => p.RegionalGroup == Reviews.Api.Domain.Parties.RegionalGroup.WesternEuropeanAndOthers).Select(p => p.Iso3).ToList();
        var pairings = purs.Select((p, i) => new CountryPairing(p, purs[(i + 1) % purs.Count], weog[i], [])).ToList();
        group.RecordPairings(pairings, Guid.NewGuid(), _clock.GetUtcNow());
        var reviews = PhasePlanner.LaunchFirstPhase(group, _options, _timeline, (party, _) => ReviewsFactory.Fp(party, _clock.GetUtcNow()), _clock.GetUtcNow(), "s").ToList();
        return (group, reviews);
    }

    private void Complete(IEnumerable<CountryReview> reviews)
    {
        foreach (var review in reviews)
        {
            if (review.Stage == ReviewStage.NominationsPending)
            {
                ReviewsFactory.NominateAll(review, _clock);
            }
            review.RecordPreliminaryConsultation(review.StartDate, [review.PartyUnderReview], [UnLanguage.English], false, "t", null, _clock.GetUtcNow().AddYears(10), "fp");
            review.RecordQuestionnaireSubmitted(review.PartyUnderReview, _clock.GetUtcNow(), "fp", _timeline);
            foreach (var reviewer in review.ActiveReviewers.ToList())
            {
                review.RecordWrittenFeedback(reviewer.Iso3, _clock.GetUtcNow(), "fp", _timeline);
            }
            review.RecordObservationsFinalized(_clock.GetUtcNow(), "s");
        }
    }
}
