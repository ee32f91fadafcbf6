namespace Nominations.Api.Domain.Reviews;

/// <summary>
/// What the Nominations service knows about a country review (a local read-model fed by the Reviews
/// service's events): who is under review, who reviews (additional reviewers included), and when it started.
/// </summary>
public sealed record CountryReviewInfo(string Id, string PartyUnderReview, IReadOnlyList<string> ReviewingParties, DateTimeOffset? StartedAt)
{
    public Participation? ParticipationOf(string party) =>
        string.Equals(PartyUnderReview, party, StringComparison.Ordinal) ? Participation.UnderReview
        : ReviewingParties.Contains(party, StringComparer.Ordinal) ? Participation.Reviewer
        : null;

    /// <summary>The party under review first, then the reviewers, each once.</summary>
    public IEnumerable<(string Party, Participation Participation)> Participants()
    {
        yield return (PartyUnderReview, Participation.UnderReview);
        foreach (var reviewer in ReviewingParties.Distinct(StringComparer.Ordinal).Where(p => p != PartyUnderReview))
        {
            yield return (reviewer, Participation.Reviewer);
        }
    }

    public bool HasStartedBy(DateTimeOffset at) => StartedAt is { } start && start <= at;
}
