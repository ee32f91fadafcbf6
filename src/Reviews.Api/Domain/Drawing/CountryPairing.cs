namespace Reviews.Api.Domain.Drawing;

/// <summary>The reviewers drawn for one party under review: the published "country pairing".</summary>
public sealed record CountryPairing(
    string PartyUnderReview,
    string SameRegionReviewer,
    string OtherRegionReviewer,
    IReadOnlyList<AdditionalReviewer> AdditionalReviewers)
{
    /// <summary>Every reviewing party, same-region first.</summary>
    public IEnumerable<string> Reviewers()
    {
        yield return SameRegionReviewer;
        yield return OtherRegionReviewer;
        foreach (var additional in AdditionalReviewers)
        {
            yield return additional.Iso3;
        }
    }

    public string ReviewerIn(ReviewerSlot slot) => slot == ReviewerSlot.SameRegion ? SameRegionReviewer : OtherRegionReviewer;

    public bool SameReviewersAs(CountryPairing other) =>
        PartyUnderReview == other.PartyUnderReview
        && SameRegionReviewer == other.SameRegionReviewer
        && OtherRegionReviewer == other.OtherRegionReviewer
        && AdditionalReviewers.SequenceEqual(other.AdditionalReviewers);
}
