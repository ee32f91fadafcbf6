namespace Reviews.Api.Domain.CountryReviews;

public sealed record ReviewStageChanged(string CountryReviewId, ReviewStage From, ReviewStage To, string Trigger, DateTimeOffset At)
    : ReviewDomainEvent(CountryReviewId, At);
