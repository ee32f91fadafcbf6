using Reporting.Api.Domain.Reviews;

namespace Reporting.Api.Domain.FocalPoints;

/// <summary>
/// Which places of which reviews have no focal point (the first step of a review: para 18 of the procedures and
/// rules). A place is covered by a focal point of its party nominated for that very review, for the party's own
/// review (the party under review's place) or as reviewer (every reviewing place). Completed reviews need none.
/// </summary>
public sealed class FocalPointCoverage
{
    private readonly ILookup<string, FocalPointNomination> _byParty;

    public FocalPointCoverage(IEnumerable<FocalPointNomination> focalPoints) =>
        _byParty = focalPoints.ToLookup(f => f.Party, StringComparer.Ordinal);

    public bool Covers(ReviewState review, ReviewPlace place) =>
        _byParty[place.Party].Any(f => f.Scope switch
        {
            ScopeKind.SpecificReview => string.Equals(f.CountryReviewId, review.Id, StringComparison.OrdinalIgnoreCase),
            ScopeKind.OwnReview => place.IsPartyUnderReview,
            _ => !place.IsPartyUnderReview,
        });

    /// <summary>The places of <paramref name="review"/> without a focal point (none once it is completed).</summary>
    public IReadOnlyList<ReviewPlace> MissingPlaces(ReviewState review) =>
        review.Stage == Stage.Completed ? [] : [.. review.Places.Where(p => !Covers(review, p))];
}
