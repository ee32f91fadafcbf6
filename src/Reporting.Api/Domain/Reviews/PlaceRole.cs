namespace Reporting.Api.Domain.Reviews;

/// <summary>A party's place in a review (the Reviews service's role names).</summary>
public static class PlaceRole
{
    public const string PartyUnderReview = "PARTY_UNDER_REVIEW";
    public const string SameRegionReviewer = "SAME_REGION_REVIEWER";
    public const string OtherRegionReviewer = "OTHER_REGION_REVIEWER";
    public const string AdditionalReviewer = "ADDITIONAL_REVIEWER";
}
