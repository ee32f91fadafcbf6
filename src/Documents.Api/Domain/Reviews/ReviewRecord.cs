namespace Documents.Api.Domain.Reviews;

/// <summary>
/// What Documents knows of a country review, kept from the Reviews service's events (opened, parties changed,
/// stage changed): its parties, cluster, phase and stage. The access policy asks it who is in the review.
/// </summary>
public sealed class ReviewRecord
{
    private ReviewRecord()
    {
    }

    public ReviewRecord(string id, string partyUnderReview, IEnumerable<string> reviewers, int groupNumber, int phase, int cluster, DateTimeOffset updatedAt)
    {
        Id = id;
        PartyUnderReview = partyUnderReview;
        Reviewers = [.. reviewers.Distinct()];
        GroupNumber = groupNumber;
        Phase = phase;
        Cluster = cluster;
        Stage = ReviewStages.NominationsPending;
        UpdatedAt = updatedAt;
    }

    public string Id { get; private set; } = "";

    public string PartyUnderReview { get; private set; } = "";

    /// <summary>The reviewing parties (same region, other region, additional).</summary>
    public string[] Reviewers { get; private set; } = [];

    public int GroupNumber { get; private set; }

    public int Phase { get; private set; }

    public int Cluster { get; private set; }

    /// <summary>Reviews' stage name (NOMINATIONS_PENDING ... COMPLETED).</summary>
    public string Stage { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsCompleted => Stage == ReviewStages.Completed;

    public bool Includes(string party) => party == PartyUnderReview || Reviewers.Contains(party);

    public bool IsReviewer(string party) => Reviewers.Contains(party);

    public IEnumerable<string> Parties => Reviewers.Prepend(PartyUnderReview);

    public void ChangeReviewers(IEnumerable<string> reviewers, DateTimeOffset at)
    {
        Reviewers = [.. reviewers.Distinct()];
        UpdatedAt = at;
    }

    public void MoveTo(string stage, DateTimeOffset at)
    {
        Stage = stage;
        UpdatedAt = at;
    }
}
