namespace Reporting.Api.Domain.Reviews;

/// <summary>A party holding a place in a review: the party under review, or one of its reviewers.</summary>
public sealed record ReviewPlace(string Party, string Role)
{
    public bool IsPartyUnderReview => Role == PlaceRole.PartyUnderReview;
}
