namespace Reviews.Api.Domain.CountryReviews;

/// <summary>What a review is waiting for, named: "focal point of Germany missing for 14 days".</summary>
public sealed record ReviewBlocker(BlockerKind Kind, IReadOnlyList<string> Parties, DateTimeOffset Since, int Days, string Description);
