namespace Reviews.Api.Domain.CountryReviews;

public sealed record ReviewReviewersChanged(string CountryReviewId, IReadOnlyList<string> Left, IReadOnlyList<string> Joined, DateTimeOffset At)
    : ReviewDomainEvent(CountryReviewId, At);
