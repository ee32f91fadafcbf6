namespace Reviews.Api.Domain.CountryReviews;

/// <summary>Something that happened to a review, for the integration events published through the outbox.</summary>
public abstract record ReviewDomainEvent(string CountryReviewId, DateTimeOffset At);

public sealed record ReviewCreated(string CountryReviewId, DateTimeOffset At) : ReviewDomainEvent(CountryReviewId, At);

public sealed record ReviewStageChanged(string CountryReviewId, ReviewStage From, ReviewStage To, string Trigger, DateTimeOffset At)
    : ReviewDomainEvent(CountryReviewId, At);

public sealed record ReviewDeadlineExtended(string CountryReviewId, DeadlineKind Deadline, DateOnly Indicative, DateOnly NewDate, DateTimeOffset At)
    : ReviewDomainEvent(CountryReviewId, At);

public sealed record ReviewReviewersChanged(string CountryReviewId, IReadOnlyList<string> Left, IReadOnlyList<string> Joined, DateTimeOffset At)
    : ReviewDomainEvent(CountryReviewId, At);

public sealed record ReviewLanguagesSet(string CountryReviewId, IReadOnlyList<Common.UnLanguage> Languages, bool Exceptional, DateTimeOffset At)
    : ReviewDomainEvent(CountryReviewId, At);
