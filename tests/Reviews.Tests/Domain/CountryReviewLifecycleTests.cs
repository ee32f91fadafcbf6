using ReviewMechanism.ServiceDefaults.Errors;
using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Grpc;
using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Parties;
using Reviews.Tests.Support;
using static Reviews.Tests.Support.ReviewsFactory;
using Microsoft.Extensions.Time.Testing;

namespace Reviews.Tests.Domain;

public class CountryReviewLifecycleTests
{
    private readonly FakeTimeProvider _clock = Clocks.At(2020, 12, 1);
    private readonly ReviewTimelineOptions _timeline = new();

    [Fact]
    public void ANewReviewWaitsForNominationsWithTheGuidelinesDeadlines()
    {
        var review = New(_clock);
        Assert.Equal("DEU-C1", review.Id);
        Assert.Equal(ReviewStage.NominationsPending, review.Stage);
        Assert.Equal(new DateOnly(2020, 12, 15), review.Deadline(DeadlineKind.FocalPointNomination).Effective);
        Assert.Equal(new DateOnly(2020, 12, 29), review.Deadline(DeadlineKind.ExpertNomination).Effective);
        Assert.Equal(new DateOnly(2021, 1, 12), review.Deadline(DeadlineKind.PreliminaryConsultation).Effective);
        Assert.Equal(new DateOnly(2021, 6, 1), review.Deadline(DeadlineKind.SelfAssessmentQuestionnaire).Effective);
        Assert.Equal(new DateOnly(2021, 12, 1), review.Deadline(DeadlineKind.WrittenFeedback).Effective);
        Assert.Equal(new DateOnly(2022, 6, 1), review.Deadline(DeadlineKind.ListOfObservations).Effective);
        Assert.Equal(["DEU", "FRA", "BRA"], review.ActiveParticipants.Select(p => p.Iso3));
    }

    [Fact]
    public void ConfiguredDurationsChangeTheIndicativeDeadlines()
    {
        var timeline = new ReviewTimelineOptions { PreliminaryConsultation = DeadlineOffset.OfDays(60) };
        var review = New(_clock, timeline: timeline);
        Assert.Equal(new DateOnly(2021, 1, 30), review.Deadline(DeadlineKind.PreliminaryConsultation).Indicative);
    }

    [Fact]
    public void TheReviewStartsWhenTheLastFocalPointIsNominated()
    {
        var review = New(_clock);
        review.RecordFocalPoint("DEU", Fp("DEU", _clock.GetUtcNow()), _clock.GetUtcNow(), "nominations");
        review.RecordFocalPoint("FRA", Fp("FRA", _clock.GetUtcNow()), _clock.GetUtcNow(), "nominations");
        Assert.Equal(ReviewStage.NominationsPending, review.Stage);
        _clock.Advance(TimeSpan.FromDays(20));
        review.RecordFocalPoint("BRA", Fp("BRA", _clock.GetUtcNow()), _clock.GetUtcNow(), "nominations");
        Assert.Equal(ReviewStage.PreliminaryConsultation, review.Stage);
        Assert.Equal(_clock.GetUtcNow(), review.Deadline(DeadlineKind.FocalPointNomination).MetAt);
        var transition = Assert.Single(review.History);
        Assert.Equal("focal point of BRA nominated", transition.Trigger);
    }

    [Fact]
    public void FocalPointsKnownBeforeTheReviewExistsStartItAtOnce()
    {
        var review = New(_clock, known: (party, _) => Fp(party, _clock.GetUtcNow()));
        Assert.Equal(ReviewStage.PreliminaryConsultation, review.Stage);
    }

    [Fact]
    public void AQuestionnaireBeforeTheConsultationIsRefusedAsASkippedStage()
    {
        var review = New(_clock);
        var error = Assert.Throws<DomainException>(() => review.RecordQuestionnaireSubmitted("DEU", _clock.GetUtcNow(), "expert", _timeline));
        Assert.Equal(DomainErrorKind.FailedPrecondition, error.Kind);
        Assert.Equal("STAGE_ORDER", error.Code);
        Assert.Contains("stage cannot be skipped", error.Message);
        Assert.Contains("DEU, FRA, BRA are not yet nominated", error.Message);
        Assert.Equal(ReviewStage.NominationsPending, review.Stage);
        Assert.Null(review.QuestionnaireSubmittedAt);
    }

    [Fact]
    public void ObservationsCannotBeFinalizedBeforeTheFeedback()
    {
        var review = New(_clock);
        NominateAll(review, _clock);
        review.RecordPreliminaryConsultation(Start.AddDays(3), ["DEU", "FRA", "BRA"], [UnLanguage.English], false, "SAQ by June", null, _clock.GetUtcNow().AddDays(5), "fp");
        var error = Assert.Throws<DomainException>(() => review.RecordObservationsFinalized(_clock.GetUtcNow(), "secretariat"));
        Assert.Equal("STAGE_ORDER", error.Code);
        Assert.Contains("the self-assessment questionnaire has not been submitted", error.Message);
    }

    [Fact]
    public void AConsultationMayLeaveTheLanguagesToBeConfirmedAndTheyAreAgreedLater()
    {
        var review = New(_clock);
        NominateAll(review, _clock);
        review.RecordPreliminaryConsultation(Start.AddDays(3), ["DEU", "FRA", "BRA"], [], false, "SAQ by June", "languages still discussed", _clock.GetUtcNow().AddDays(5), "fp");
        Assert.Equal(ReviewStage.SelfAssessmentQuestionnaire, review.Stage);
        Assert.Empty(review.Languages);

        review.SetLanguages([UnLanguage.English, UnLanguage.Spanish], false, _clock.GetUtcNow().AddDays(6));
        Assert.Equal([UnLanguage.English, UnLanguage.Spanish], review.Languages);
    }

    [Fact]
    public void AReviewRunsThroughEveryStageToCompletionAsTheClockMoves()
    {
        var review = New(_clock);
        _clock.Advance(TimeSpan.FromDays(10));
        NominateAll(review, _clock);
        _clock.Advance(TimeSpan.FromDays(20));
        review.RecordPreliminaryConsultation(DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime), ["DEU", "FRA", "BRA"],
            [UnLanguage.English, UnLanguage.French], false, "SAQ in five months, feedback three months later", "held online", _clock.GetUtcNow(), "fp-deu");
        Assert.Equal(ReviewStage.SelfAssessmentQuestionnaire, review.Stage);
        Assert.Equal([UnLanguage.English, UnLanguage.French], review.Languages);

        _clock.Advance(TimeSpan.FromDays(120));
        review.RecordQuestionnaireSubmitted("DEU", _clock.GetUtcNow(), "fp-deu", _timeline);
        Assert.Equal(ReviewStage.WrittenFeedback, review.Stage);
        var saqDay = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        Assert.Equal(saqDay.AddMonths(6), review.Deadline(DeadlineKind.WrittenFeedback).Indicative);

        _clock.Advance(TimeSpan.FromDays(60));
        review.RecordWrittenFeedback("FRA", _clock.GetUtcNow(), "fp-fra", _timeline);
        Assert.Equal(ReviewStage.WrittenFeedback, review.Stage);
        _clock.Advance(TimeSpan.FromDays(30));
        review.RecordWrittenFeedback("BRA", _clock.GetUtcNow(), "fp-bra", _timeline);
        Assert.Equal(ReviewStage.ListOfObservationsAndSummary, review.Stage);
        Assert.Equal(DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime).AddMonths(6), review.Deadline(DeadlineKind.ListOfObservations).Indicative);

        _clock.Advance(TimeSpan.FromDays(90));
        review.RecordObservationsFinalized(_clock.GetUtcNow(), "secretariat");
        Assert.Equal(ReviewStage.Completed, review.Stage);
        Assert.Equal(
            [ReviewStage.PreliminaryConsultation, ReviewStage.SelfAssessmentQuestionnaire, ReviewStage.WrittenFeedback, ReviewStage.ListOfObservationsAndSummary, ReviewStage.Completed],
            review.History.Select(h => h.To));
        Assert.Null(review.Blocker(_clock.GetUtcNow()));
        Assert.Equal(5, review.DomainEvents.OfType<ReviewStageChanged>().Count());
    }

    [Fact]
    public void ASecondFeedbackFromTheSameReviewerIsAlreadyThere()
    {
        var review = InWrittenFeedback();
        review.RecordWrittenFeedback("FRA", _clock.GetUtcNow(), "fp-fra", _timeline);
        var error = Assert.Throws<DomainException>(() => review.RecordWrittenFeedback("FRA", _clock.GetUtcNow(), "fp-fra", _timeline));
        Assert.Equal(DomainErrorKind.AlreadyExists, error.Kind);
    }

    [Fact]
    public void FeedbackFromAPartyOutsideTheReviewIsRefused()
    {
        var review = InWrittenFeedback();
        var error = Assert.Throws<DomainException>(() => review.RecordWrittenFeedback("USA", _clock.GetUtcNow(), "x", _timeline));
        Assert.Equal(DomainErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("USA is not a reviewing party of review DEU-C1", error.Message);
        var own = Assert.Throws<DomainException>(() => review.RecordWrittenFeedback("DEU", _clock.GetUtcNow(), "x", _timeline));
        Assert.Equal(DomainErrorKind.InvalidArgument, own.Kind);
    }

    [Fact]
    public void TheAdditionalReviewerMustAlsoSubmitFeedback()
    {
        var review = New(_clock, Pairing(additional: new AdditionalReviewer("ITA", InstrumentSet.Of(Instrument.Fir), ReviewerSlot.OtherRegion)));
        NominateAll(review, _clock);
        review.RecordPreliminaryConsultation(Start, ["DEU"], [UnLanguage.English], false, "t", null, _clock.GetUtcNow(), "fp");
        review.RecordQuestionnaireSubmitted("DEU", _clock.GetUtcNow(), "fp", _timeline);
        review.RecordWrittenFeedback("FRA", _clock.GetUtcNow(), "fp", _timeline);
        review.RecordWrittenFeedback("BRA", _clock.GetUtcNow(), "fp", _timeline);
        Assert.Equal(ReviewStage.WrittenFeedback, review.Stage);
        review.RecordWrittenFeedback("ITA", _clock.GetUtcNow(), "fp", _timeline);
        Assert.Equal(ReviewStage.ListOfObservationsAndSummary, review.Stage);
    }

    [Theory]
    [InlineData(new[] { UnLanguage.English, UnLanguage.French, UnLanguage.Spanish, UnLanguage.Arabic }, true, "four")]
    [InlineData(new[] { UnLanguage.English, UnLanguage.French, UnLanguage.Spanish }, false, "exceptional")]
    [InlineData(new[] { UnLanguage.English, UnLanguage.English }, false, "twice")]
    [InlineData(new UnLanguage[0], false, "at least one")]
    public void WorkingLanguagesOutsideTheRuleAreRefused(UnLanguage[] languages, bool exceptional, string expected)
    {
        var review = New(_clock);
        var before = review.Languages.ToList();
        var error = Assert.Throws<DomainException>(() => review.SetLanguages(languages, exceptional, _clock.GetUtcNow()));
        Assert.Equal(DomainErrorKind.InvalidArgument, error.Kind);
        Assert.Contains(expected == "four" ? "4 were asked for" : expected, error.Message);
        Assert.Equal(before, review.Languages);
    }

    [Fact]
    public void ThreeLanguagesAreAcceptedWhenMarkedExceptional()
    {
        var review = New(_clock);
        review.SetLanguages([UnLanguage.Arabic, UnLanguage.English, UnLanguage.French], true, _clock.GetUtcNow());
        Assert.True(review.LanguagesExceptional);
        review.SetLanguages([UnLanguage.Spanish], true, _clock.GetUtcNow());
        Assert.False(review.LanguagesExceptional);
    }

    [Fact]
    public void AnExtensionKeepsTheIndicativeDateAndRecordsWhoAgreedAndWhen()
    {
        var review = New(_clock);
        NominateAll(review, _clock);
        _clock.Advance(TimeSpan.FromDays(30));
        review.AgreeExtension(DeadlineKind.PreliminaryConsultation, new DateOnly(2021, 2, 15), ["DEU", "FRA", "BRA"], "language consultations", _clock.GetUtcNow(), "secretariat-1");
        var deadline = review.Deadline(DeadlineKind.PreliminaryConsultation);
        Assert.Equal(new DateOnly(2021, 1, 12), deadline.Indicative);
        Assert.Equal(new DateOnly(2021, 2, 15), deadline.Effective);
        var extension = Assert.Single(deadline.Extensions);
        Assert.Equal(("secretariat-1", _clock.GetUtcNow(), new DateOnly(2021, 1, 12)), (extension.AgreedBy, extension.AgreedAt, extension.PreviousDate));
        Assert.Equal(["DEU", "FRA", "BRA"], extension.AgreedByParties);
    }

    [Fact]
    public void AnExtensionMustMoveTheDeadlineLaterAndOnlyAnOpenOne()
    {
        var review = New(_clock);
        var earlier = Assert.Throws<DomainException>(() =>
            review.AgreeExtension(DeadlineKind.SelfAssessmentQuestionnaire, new DateOnly(2021, 5, 1), ["DEU"], "r", _clock.GetUtcNow(), "s"));
        Assert.Equal(DomainErrorKind.InvalidArgument, earlier.Kind);
        NominateAll(review, _clock);
        var met = Assert.Throws<DomainException>(() =>
            review.AgreeExtension(DeadlineKind.FocalPointNomination, new DateOnly(2021, 5, 1), ["DEU"], "r", _clock.GetUtcNow(), "s"));
        Assert.Equal(DomainErrorKind.FailedPrecondition, met.Kind);
        var stranger = Assert.Throws<DomainException>(() =>
            review.AgreeExtension(DeadlineKind.SelfAssessmentQuestionnaire, new DateOnly(2021, 9, 1), ["USA"], "r", _clock.GetUtcNow(), "s"));
        Assert.Contains("USA is not a party of review DEU-C1", stranger.Message);
        Assert.Empty(review.Deadline(DeadlineKind.SelfAssessmentQuestionnaire).Extensions);
    }

    [Fact]
    public void TheBlockerNamesTheMissingFocalPointAndForHowLong()
    {
        var review = New(_clock);
        review.RecordFocalPoint("DEU", Fp("DEU", _clock.GetUtcNow()), _clock.GetUtcNow(), "n");
        review.RecordFocalPoint("BRA", Fp("BRA", _clock.GetUtcNow()), _clock.GetUtcNow(), "n");
        _clock.Advance(TimeSpan.FromDays(14));
        var blocker = review.Blocker(_clock.GetUtcNow())!;
        Assert.Equal(BlockerKind.FocalPointMissing, blocker.Kind);
        Assert.Equal("Focal point of France missing for 14 days", blocker.Describe(review.Id, Name));
        Assert.Equal(["FRA"], blocker.Parties);
    }

    [Fact]
    public void AFocalPointLeavingMidReviewBlocksItAgainFromThatDay()
    {
        var review = New(_clock);
        NominateAll(review, _clock);
        _clock.Advance(TimeSpan.FromDays(40));
        review.RemoveFocalPoint("FRA", "nomination-FRA", _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromDays(9));
        var blocker = review.Blocker(_clock.GetUtcNow())!;
        Assert.Equal("Focal point of France missing for 9 days", blocker.Describe(review.Id, Name));
        Assert.Equal(ReviewStage.PreliminaryConsultation, review.Stage);
        review.RecordFocalPoint("FRA", Fp("FRA", _clock.GetUtcNow(), "-2"), _clock.GetUtcNow(), "n");
        Assert.Equal(BlockerKind.PreliminaryConsultationPending, review.Blocker(_clock.GetUtcNow())!.Kind);
    }

    [Fact]
    public void TheBlockerOfAReviewNotYetStartedSaysWhenItStarts()
    {
        var clock = Clocks.At(2020, 11, 1);
        var review = New(clock);
        var blocker = review.Blocker(clock.GetUtcNow())!;
        Assert.Equal(BlockerKind.NotStarted, blocker.Kind);
        Assert.Equal($"Review {review.Id} starts on 2020-12-01.", blocker.Describe(review.Id, Name));
    }

    [Fact]
    public void TheConsultationRecordNeedsThePartyUnderReviewAndAgreedTimeFrames()
    {
        var review = New(_clock);
        NominateAll(review, _clock);
        var error = Assert.Throws<DomainException>(() =>
            review.RecordPreliminaryConsultation(Start, ["FRA", "XXX"], [UnLanguage.English], false, " ", null, _clock.GetUtcNow(), "fp"));
        Assert.Equal(DomainErrorKind.InvalidArgument, error.Kind);
        Assert.Equal(3, error.Violations.Count);
        Assert.Equal(ReviewStage.PreliminaryConsultation, review.Stage);
        Assert.Null(review.PreliminaryConsultation);
    }

    [Fact]
    public void ARedrawReplacesTheReviewerKeepsHistoryAndUsesKnownFocalPoints()
    {
        var review = New(_clock);
        NominateAll(review, _clock);
        review.ReplaceReviewers(Pairing(same: "AUT"), (party, _) => party == "AUT" ? Fp("AUT", _clock.GetUtcNow()) : null, _clock.GetUtcNow(), "secretariat");
        Assert.Equal(["DEU", "BRA", "AUT"], review.ActiveParticipants.Select(p => p.Iso3));
        Assert.NotNull(review.Participants.Single(p => p.Iso3 == "FRA").LeftAt);
        Assert.Contains("FRA", review.PartyCodes);
        var changed = review.DomainEvents.OfType<ReviewReviewersChanged>().Single();
        Assert.Equal(["FRA"], changed.Left);
        Assert.Equal(["AUT"], changed.Joined);
    }

    [Fact]
    public void AFocalPointForAPartyNotInTheReviewIsRefused()
    {
        var review = New(_clock);
        var error = Assert.Throws<DomainException>(() => review.RecordFocalPoint("USA", Fp("USA", _clock.GetUtcNow()), _clock.GetUtcNow(), "n"));
        Assert.Equal(DomainErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("USA is not a party of review DEU-C1", error.Message);
    }

    private CountryReview InWrittenFeedback()
    {
        var review = New(_clock);
        NominateAll(review, _clock);
        review.RecordPreliminaryConsultation(Start, ["DEU", "FRA", "BRA"], [UnLanguage.English], false, "t", null, _clock.GetUtcNow(), "fp");
        review.RecordQuestionnaireSubmitted("DEU", _clock.GetUtcNow(), "fp", _timeline);
        return review;
    }
}
