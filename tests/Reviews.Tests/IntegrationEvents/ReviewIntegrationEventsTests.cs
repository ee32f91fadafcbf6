using ReviewMechanism.Events.V1;
using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.IntegrationEvents;
using Reviews.Tests.Support;
using static Reviews.Tests.Support.ReviewsFactory;

namespace Reviews.Tests.IntegrationEvents;

public class ReviewIntegrationEventsTests
{
    [Fact]
    public void AReviewsChangesBecomeThePublishedEventsInOrder()
    {
        var clock = Clocks.At(2020, 12, 1);
        var review = New(clock);
        NominateAll(review, clock);
        review.AgreeExtension(DeadlineKind.SelfAssessmentQuestionnaire, new DateOnly(2021, 9, 1), ["DEU"], "r", clock.GetUtcNow(), "s");
        review.RecordPreliminaryConsultation(Start, ["DEU"], [UnLanguage.Arabic, UnLanguage.English], false, "t", null, clock.GetUtcNow(), "fp");

        var events = ReviewIntegrationEvents.For(review).ToList();
        Assert.Equal(
            [typeof(CountryReviewOpened), typeof(CountryReviewStageChanged), typeof(CountryReviewStarted), typeof(DeadlineExtended), typeof(WorkingLanguagesAgreed), typeof(CountryReviewStageChanged)],
            events.Select(e => e.GetType()));
        var opened = (CountryReviewOpened)events[0];
        Assert.Equal(["PARTY_UNDER_REVIEW", "SAME_REGION_REVIEWER", "OTHER_REGION_REVIEWER"], opened.Parties.Select(p => p.Role));
        Assert.Equal(new DateTimeOffset(2020, 12, 1, 0, 0, 0, TimeSpan.Zero), opened.StartDate.ToDateTimeOffset());
        var started = (CountryReviewStageChanged)events[1];
        Assert.Equal(("NOMINATIONS_PENDING", "PRELIMINARY_CONSULTATION"), (started.FromStage, started.ToStage));
        var extended = (DeadlineExtended)events[3];
        Assert.Equal(("SELF_ASSESSMENT_QUESTIONNAIRE", new DateTimeOffset(2021, 6, 1, 0, 0, 0, TimeSpan.Zero)), (extended.Deadline, extended.IndicativeDate.ToDateTimeOffset()));
        Assert.Equal(["ar", "en"], ((WorkingLanguagesAgreed)events[4]).Languages);
        review.ClearDomainEvents();
        Assert.Empty(ReviewIntegrationEvents.For(review));
    }
}
