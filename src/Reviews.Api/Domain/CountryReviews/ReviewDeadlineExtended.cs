namespace Reviews.Api.Domain.CountryReviews;

public sealed record ReviewDeadlineExtended(string CountryReviewId, DeadlineKind Deadline, DateOnly Indicative, DateOnly NewDate, DateTimeOffset At)
    : ReviewDomainEvent(CountryReviewId, At);
