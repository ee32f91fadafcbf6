namespace Reviews.Api.IntegrationEvents;

/// <summary>
/// What handling an incoming event did: the reviews it changed, or why a rule refused it. A refused event is not
/// retried (the same message would be refused again); it is logged with its reason.
/// </summary>
public sealed record EventOutcome(IReadOnlyList<string> ChangedReviews, string? Refusal)
{
    public static EventOutcome Changed(IReadOnlyList<string> reviews) => new(reviews, null);

    public static EventOutcome Refused(string reason) => new([], reason);

    public bool WasRefused => Refusal is not null;
}
