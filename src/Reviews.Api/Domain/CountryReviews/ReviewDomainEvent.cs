namespace Reviews.Api.Domain.CountryReviews;

/// <summary>Something that happened to a review, for the integration events published through the outbox.</summary>
public abstract record ReviewDomainEvent(string CountryReviewId, DateTimeOffset At);
