namespace Reviews.Api.Domain.CountryReviews;

/// <summary>
/// What a review is waiting for, as facts (the words for people are the API's: Grpc/BlockerText): the parties it waits
/// for (longest first) and for how many days each, since when, and the date that matters (the start date of a review
/// not yet started, otherwise the stage's effective deadline).
/// </summary>
public sealed record ReviewBlocker(BlockerKind Kind, IReadOnlyList<string> Parties, DateTimeOffset Since, int Days, IReadOnlyList<int> DaysPerParty, DateOnly On);
