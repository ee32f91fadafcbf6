namespace Reviews.Api.Domain.CountryReviews;

/// <summary>The place a party holds in a country review.</summary>
public enum ReviewRole
{
    PartyUnderReview = 1,
    SameRegionReviewer = 2,
    OtherRegionReviewer = 3,

    /// <summary>Reviews only the instruments the reviewer it completes is not party to.</summary>
    AdditionalReviewer = 4,
}
