namespace Nominations.Api.Data;

/// <summary>A row of the country reviews read-model (fed by the Reviews service's events).</summary>
public sealed class CountryReviewRecord
{
    public string Id { get; set; } = "";

    public string PartyUnderReview { get; set; } = "";

    public List<string> ReviewingParties { get; set; } = [];

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
