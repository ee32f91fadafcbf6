using Reporting.Api.Domain.FocalPoints;
using Reporting.Api.Domain.Reviews;

namespace Reporting.Tests.Domain;

public sealed class FocalPointCoverageTests
{
    private static readonly ReviewState Review = new(
        "CR-1-AUT", "AUT", 1, 1, 1, new DateOnly(2020, 12, 1), DateTimeOffset.UnixEpoch, Stage.NominationsPending, DateTimeOffset.UnixEpoch,
        [new ReviewPlace("AUT", PlaceRole.PartyUnderReview), new ReviewPlace("BEL", PlaceRole.SameRegionReviewer), new ReviewPlace("CHL", PlaceRole.OtherRegionReviewer)],
        []);

    [Fact]
    public void AFocalPointForTheOwnReviewDoesNotCoverTheReviewerPlaces()
    {
        var coverage = new FocalPointCoverage([new FocalPointNomination("BEL", ScopeKind.OwnReview, null), new FocalPointNomination("AUT", ScopeKind.OwnReview, null)]);
        Assert.Equal(["BEL", "CHL"], coverage.MissingPlaces(Review).Select(p => p.Party));
    }

    [Fact]
    public void AFocalPointForOneReviewCoversOnlyThatReview()
    {
        var coverage = new FocalPointCoverage(
        [
            new FocalPointNomination("AUT", ScopeKind.OwnReview, null),
            new FocalPointNomination("BEL", ScopeKind.SpecificReview, "CR-1-AUT"),
            new FocalPointNomination("CHL", ScopeKind.SpecificReview, "CR-1-DEU"),
        ]);
        Assert.Equal(["CHL"], coverage.MissingPlaces(Review).Select(p => p.Party));
    }

    [Fact]
    public void ACompletedReviewMissesNoFocalPoint() =>
        Assert.Empty(new FocalPointCoverage([]).MissingPlaces(Review with { Stage = Stage.Completed }));
}
