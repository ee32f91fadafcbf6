namespace Reviews.Api.IntegrationEvents;

/// <summary>
/// What handling an incoming event changed: the reviews it moved on. A refusal is not an outcome but a
/// <see cref="ReviewMechanism.ServiceDefaults.Errors.DomainException"/> (the inbox sends the event to the error queue).
/// </summary>
public sealed record EventOutcome(IReadOnlyList<string> ChangedReviews)
{
    public static EventOutcome Changed(IReadOnlyList<string> reviews) => new(reviews);
}
