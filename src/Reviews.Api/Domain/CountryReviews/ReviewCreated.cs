namespace Reviews.Api.Domain.CountryReviews;

public sealed record ReviewCreated(string CountryReviewId, DateTimeOffset At) : ReviewDomainEvent(CountryReviewId, At);
