using Reviews.Api.Domain.Drawing;

namespace Reviews.Api.Domain.Groups;

/// <summary>The current pairing of one party under review in its group, with how often it was drawn again.</summary>
public sealed class GroupPairing
{
    private GroupPairing()
    {
        PartyUnderReview = SameRegionReviewer = OtherRegionReviewer = "";
        AdditionalReviewers = [];
    }

    internal GroupPairing(CountryPairing pairing, Guid drawId, DateTimeOffset drawnAt)
    {
        PartyUnderReview = pairing.PartyUnderReview;
        SameRegionReviewer = pairing.SameRegionReviewer;
        OtherRegionReviewer = pairing.OtherRegionReviewer;
        AdditionalReviewers = [.. pairing.AdditionalReviewers.Select(a => new PairedAdditionalReviewer(a))];
        LastDrawId = drawId;
        DrawnAt = drawnAt;
    }

    public string PartyUnderReview { get; private set; }

    public string SameRegionReviewer { get; private set; }

    public string OtherRegionReviewer { get; private set; }

    public List<PairedAdditionalReviewer> AdditionalReviewers { get; private set; }

    /// <summary>How many times the pairing was drawn again at a party's request.</summary>
    public int RedrawCount { get; private set; }

    public Guid LastDrawId { get; private set; }

    public DateTimeOffset DrawnAt { get; private set; }

    public CountryPairing ToPairing() => new(
        PartyUnderReview, SameRegionReviewer, OtherRegionReviewer,
        AdditionalReviewers.Select(a => a.ToAdditional()).ToList());

    internal void Redrawn(CountryPairing pairing, Guid drawId, DateTimeOffset at)
    {
        SameRegionReviewer = pairing.SameRegionReviewer;
        OtherRegionReviewer = pairing.OtherRegionReviewer;
        AdditionalReviewers = [.. pairing.AdditionalReviewers.Select(a => new PairedAdditionalReviewer(a))];
        RedrawCount++;
        LastDrawId = drawId;
        DrawnAt = at;
    }
}
