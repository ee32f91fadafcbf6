using ReviewMechanism.ServiceDefaults.Errors;
using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Groups;
using Reviews.Tests.Support;

namespace Reviews.Tests.Domain;

public class RedrawTests
{
    private static readonly DateOnly AsOf = new(2020, 12, 1);
    private readonly DrawingOfLotsOptions _options = new();
    private readonly DateTimeOffset _now = new(2021, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ARedrawAtTheReviewersRequestReplacesOnlyItsPlaceWithinTheCap()
    {
        var (group, inputs) = DrawnGroup();
        var pur = group.Parties[0];
        var before = group.PairingOf(pur).ToPairing();
        var (scope, loads) = group.PlanRedraw(pur, before.OtherRegionReviewer, [], ReviewStage.PreliminaryConsultation, _options);
        Assert.Equal([ReviewerSlot.OtherRegion], scope.Slots);
        Assert.Equal([before.OtherRegionReviewer], scope.Excluded);
        Assert.Contains(before.SameRegionReviewer, scope.KeptReviewers);

        var outcome = DrawingOfLots.Draw(inputs with { PartiesUnderReview = [pur], FixedLoads = loads, Redraw = scope }, 77);
        var after = group.ApplyRedraw(outcome, Guid.NewGuid(), _now);
        Assert.Equal(before.SameRegionReviewer, after.SameRegionReviewer);
        Assert.NotEqual(before.OtherRegionReviewer, after.OtherRegionReviewer);
        Assert.Equal(1, group.PairingOf(pur).RedrawCount);
        var all = group.Pairings.Select(p => p.ToPairing()).ToList();
        Assert.Empty(PairingChecker.Violations(all, group.Parties, inputs.Candidates, _options));
        Assert.Contains(outcome.Audit, a => a.Excluded.Any(e => e.Reason == "held this place before the redraw" && e.Parties.Contains(before.OtherRegionReviewer)));
    }

    [Fact]
    public void APartyUnderReviewCanHaveBothPlacesDrawnAgain()
    {
        var (group, _) = DrawnGroup();
        var pur = group.Parties[1];
        var (scope, _) = group.PlanRedraw(pur, pur, [], ReviewStage.NominationsPending, _options);
        Assert.Equal([ReviewerSlot.SameRegion, ReviewerSlot.OtherRegion], scope.Slots);
        Assert.Empty(scope.KeptReviewers);
    }

    [Fact]
    public void AFifthRedrawIsRefused()
    {
        var (group, inputs) = DrawnGroup();
        var pur = group.Parties[2];
        for (var i = 0; i < 4; i++)
        {
            var (scope, loads) = group.PlanRedraw(pur, pur, [], ReviewStage.NominationsPending, _options);
            group.ApplyRedraw(DrawingOfLots.Draw(inputs with { PartiesUnderReview = [pur], FixedLoads = loads, Redraw = scope }, (ulong)i), Guid.NewGuid(), _now);
        }
        var error = Assert.Throws<DomainException>(() => group.PlanRedraw(pur, pur, [], ReviewStage.NominationsPending, _options));
        Assert.Equal(DomainErrorKind.FailedPrecondition, error.Kind);
        Assert.Equal("REDRAW_LIMIT", error.Code);
        Assert.Contains("at most 4 times", error.Message);
        Assert.Equal(4, group.PairingOf(pur).RedrawCount);
    }

    [Fact]
    public void ARedrawAfterTheQuestionnaireStageIsRefused()
    {
        var (group, _) = DrawnGroup();
        var pur = group.Parties[0];
        var error = Assert.Throws<DomainException>(() => group.PlanRedraw(pur, pur, [], ReviewStage.WrittenFeedback, _options));
        Assert.Equal("REDRAW_STAGE", error.Code);
    }

    [Fact]
    public void OnlyThePartiesOfTheReviewMayAskAndAReviewerOnlyForItsOwnPlace()
    {
        var (group, _) = DrawnGroup();
        var pur = group.Parties[0];
        var pairing = group.PairingOf(pur).ToPairing();
        var outsider = group.Parties.Concat(RealParties.All.Select(p => p.Iso3)).First(p => p != pur && !pairing.Reviewers().Contains(p));
        Assert.Equal("REDRAW_REQUESTER", Assert.Throws<DomainException>(() => group.PlanRedraw(pur, outsider, [], ReviewStage.NominationsPending, _options)).Code);
        Assert.Equal(DomainErrorKind.InvalidArgument, Assert.Throws<DomainException>(() =>
            group.PlanRedraw(pur, pairing.SameRegionReviewer, [ReviewerSlot.OtherRegion], ReviewStage.NominationsPending, _options)).Kind);
    }

    [Fact]
    public void PairingsOfAGroupAreDrawnOnce()
    {
        var (group, inputs) = DrawnGroup();
        var error = Assert.Throws<DomainException>(() => group.RecordPairings(DrawingOfLots.Draw(inputs, 5).Pairings(), Guid.NewGuid(), _now));
        Assert.Equal(DomainErrorKind.AlreadyExists, error.Kind);
    }

    private (ReviewGroup Group, PairingInputs Inputs) DrawnGroup()
    {
        var candidates = DrawingOfLots.CandidatesAsOf(RealParties.All, AsOf);
        var split = DrawingOfLots.SplitIntoGroups(new GroupSplitInputs(candidates.Select(c => c.Iso3).ToList(), 3), 12);
        var group = ReviewGroup.Create(1, AsOf, split.Groups[0], Guid.NewGuid(), _now);
        var inputs = new PairingInputs(AsOf, candidates, split.Groups[0], [], null, DrawRules.From(_options));
        group.RecordPairings(DrawingOfLots.Draw(inputs, 12).Pairings(), Guid.NewGuid(), _now);
        return (group, inputs);
    }
}
