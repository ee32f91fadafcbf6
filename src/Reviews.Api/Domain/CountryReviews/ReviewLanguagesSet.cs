namespace Reviews.Api.Domain.CountryReviews;

public sealed record ReviewLanguagesSet(string CountryReviewId, IReadOnlyList<Common.UnLanguage> Languages, bool Exceptional, DateTimeOffset At)
    : ReviewDomainEvent(CountryReviewId, At);
