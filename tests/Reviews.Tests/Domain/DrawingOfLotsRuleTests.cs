using ReviewMechanism.ServiceDefaults.Errors;
using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Parties;
using Reviews.Tests.Support;
using static Reviews.Tests.Support.Draws;

namespace Reviews.Tests.Domain;

public class DrawingOfLotsRuleTests
{
    [Fact]
    public void GroupsAreBalancedCoverEveryPartyAndFollowTheSeed()
    {
        var participants = RealParties.All.Select(p => p.Iso3).ToList();
        var split = DrawingOfLots.SplitIntoGroups(new GroupSplitInputs(participants, 3), 99);
        Assert.Equal([64, 64, 63], split.Groups.Select(g => g.Count));
        Assert.Equal(participants.Order(StringComparer.Ordinal), split.Groups.SelectMany(g => g).Order(StringComparer.Ordinal));
        var shuffledInput = participants.AsEnumerable().Reverse().ToList();
        Assert.True(split.SameAs(DrawingOfLots.SplitIntoGroups(new GroupSplitInputs(shuffledInput, 3), 99)));
        Assert.False(split.SameAs(DrawingOfLots.SplitIntoGroups(new GroupSplitInputs(participants, 3), 100)));
    }

    [Fact]
    public void TheEuropeanUnionsSameRegionReviewerComesFromItsConfiguredGroups()
    {
        var asOf = new DateOnly(2020, 12, 1);
        var candidates = DrawingOfLots.CandidatesAsOf(RealParties.All, asOf);
        var weogOrEastern = RealParties.All.Where(p => p.RegionalGroup is RegionalGroup.WesternEuropeanAndOthers or RegionalGroup.EasternEuropean).Select(p => p.Iso3).ToHashSet();
        for (ulong seed = 0; seed < 50; seed++)
        {
            var outcome = DrawingOfLots.Draw(new PairingInputs(asOf, candidates, ["EUU"], [], null, DrawRules.From(new DrawingOfLotsOptions())), seed);
            var pairing = Assert.Single(outcome.Pairings());
            Assert.Contains(pairing.SameRegionReviewer, weogOrEastern);
            Assert.DoesNotContain(pairing.OtherRegionReviewer, weogOrEastern);
        }
    }

    [Fact]
    public void APartyInNoGroupWithoutAnAffinityCannotBeDrawnFor()
    {
        var options = new DrawingOfLotsOptions { RegionalAffinity = new RegionalAffinityOptions { UnaffiliatedParties = [] } };
        var candidates = DrawingOfLots.CandidatesAsOf(RealParties.All, new DateOnly(2020, 12, 1));
        var error = Assert.Throws<DomainException>(() =>
            DrawingOfLots.Draw(new PairingInputs(new DateOnly(2020, 12, 1), candidates, ["EUU"], [], null, DrawRules.From(options)), 1));
        Assert.Equal(DomainErrorKind.FailedPrecondition, error.Kind);
        Assert.Equal("REGIONAL_AFFINITY", error.Code);
        Assert.Contains("EUU", error.Message);
    }

    [Fact]
    public void ARegionWithNoOtherPartyNamesTheSameRegionRule()
    {
        var inputs = Inputs([C("AAA", A), C("WWW", W), C("WWX", W)], ["AAA"]);
        var error = Assert.Throws<DomainException>(() => DrawingOfLots.Draw(inputs, 1));
        Assert.Equal("SAME_REGION_REVIEWER", error.Code);
        Assert.Contains("the African Group", error.Message);
    }

    [Fact]
    public void ACapOfZeroNamesTheWorkloadCap()
    {
        var candidates = new[] { C("EE1", E), C("EE2", E), C("EE3", E), C("EE4", E), C("WW1", W), C("WW2", W), C("WW3", W), C("WW4", W) };
        var options = new DrawingOfLotsOptions { WorkloadCapPerGroup = 0 };
        var error = Assert.Throws<DomainException>(() => DrawingOfLots.Draw(Inputs(candidates, ["EE1"], options), 1));
        Assert.Equal("WORKLOAD_CAP", error.Code);
        Assert.Contains("workload cap", error.Message);
    }

    [Fact]
    public void RegionalDemandAboveTheGroupsCapacityIsNamedBeforeSearching()
    {
        var candidates = new[] { C("EE1", E), C("EE2", E), C("EE3", E), C("WW1", W), C("WW2", W), C("WW3", W), C("GG1", G), C("GG2", G), C("GG3", G) };
        var options = new DrawingOfLotsOptions { WorkloadCapPerGroup = 1 };
        // Three Eastern European parties under review need three Eastern European reviews; each member can do one.
        DrawingOfLots.Draw(Inputs(candidates, ["EE1", "EE2", "EE3"], options), 5);
        // When one member already reviews a party of the group, two places are left for three demands.
        var loaded = Inputs(candidates, ["EE1", "EE2", "EE3"], options) with { FixedLoads = [new ReviewerLoad("EE3", 1)] };
        var error = Assert.Throws<DomainException>(() => DrawingOfLots.Draw(loaded, 5));
        Assert.Equal("WORKLOAD_CAP", error.Code);
        Assert.Contains("3 parties of the Eastern European Group need a same-region reviewer, but its 2 available parties can conduct at most 2 reviews", error.Message);
    }

    [Fact]
    public void AnInstrumentNobodyElseOnThatSideIsPartyToNamesInstrumentCoverage()
    {
        var candidates = new[] { C("AA1", A, Instrument.Fir), C("AA2", A), C("AA3", A), C("WW1", W, Instrument.Fir), C("WW2", W) };
        var error = Assert.Throws<DomainException>(() => DrawingOfLots.Draw(Inputs(candidates, ["AA1"]), 3));
        Assert.Equal("INSTRUMENT_COVERAGE", error.Code);
        Assert.Contains("Firearms Protocol", error.Message);
        Assert.Contains("from the African Group", error.Message);
    }

    [Fact]
    public void WithoutTheSideRuleTheAdditionalReviewerMayComeFromAnyRegion()
    {
        var candidates = new[] { C("AA1", A, Instrument.Fir), C("AA2", A), C("WW1", W, Instrument.Fir), C("WW2", W, Instrument.Fir) };
        var options = new DrawingOfLotsOptions { AdditionalReviewerKeepsSlotRegion = false };
        var pairing = Assert.Single(DrawingOfLots.Draw(Inputs(candidates, ["AA1"], options), 3).Pairings());
        Assert.Equal("AA2", pairing.SameRegionReviewer);
        var additional = Assert.Single(pairing.AdditionalReviewers);
        Assert.Equal(ReviewerSlot.SameRegion, additional.ForSlot);
        Assert.Equal(InstrumentSet.Of(Instrument.Fir), additional.Instruments);
        Assert.StartsWith("WW", additional.Iso3);
        Assert.NotEqual(pairing.OtherRegionReviewer, additional.Iso3);
    }

    [Fact]
    public void AnAdditionalReviewerIsDrawnForTheMissingInstrumentsOnly()
    {
        var candidates = new[]
        {
            C("AA1", A, Instrument.Tip, Instrument.Som, Instrument.Fir), C("AA2", A, Instrument.Tip), C("AA3", A, Instrument.Tip, Instrument.Som, Instrument.Fir),
            C("WW1", W, Instrument.Tip, Instrument.Som, Instrument.Fir),
        };
        var options = new DrawingOfLotsOptions { WorkloadCapPerGroup = 2 };
        for (ulong seed = 0; seed < 40; seed++)
        {
            var pairing = Assert.Single(DrawingOfLots.Draw(Inputs(candidates, ["AA1"], options), seed).Pairings());
            if (pairing.SameRegionReviewer == "AA2")
            {
                var additional = Assert.Single(pairing.AdditionalReviewers);
                Assert.Equal(("AA3", ReviewerSlot.SameRegion, "SOM/FIR"), (additional.Iso3, additional.ForSlot, additional.Instruments.ToString()));
            }
            else
            {
                Assert.Equal("AA3", pairing.SameRegionReviewer);
                Assert.Empty(pairing.AdditionalReviewers);
            }
        }
    }

    [Fact]
    public void ProtocolsRatifiedAfterTheDrawDateDoNotCount()
    {
        var before = DrawingOfLots.CandidatesAsOf(RealParties.All, new DateOnly(2021, 10, 13)).Single(c => c.Iso3 == "DEU");
        var after = DrawingOfLots.CandidatesAsOf(RealParties.All, new DateOnly(2021, 10, 14)).Single(c => c.Iso3 == "DEU");
        Assert.False(before.Instruments.Contains(Instrument.Fir));
        Assert.True(after.Instruments.Contains(Instrument.Fir));
        Assert.DoesNotContain(DrawingOfLots.CandidatesAsOf(RealParties.All, new DateOnly(2022, 11, 1)), c => c.Iso3 == "BTN");
    }

    [Fact]
    public void TheSearchBacktracksWhereAGreedyDrawCanDeadEnd()
    {
        // Four parties review each other within their group with a cap of one: only derangements work, and a draw
        // that fills places one by one without going back ends with a party left to review itself in 1 of 3 orders.
        var candidates = new[] { C("EE1", E), C("EE2", E), C("EE3", E), C("EE4", E), C("WW1", W), C("WW2", W), C("WW3", W), C("WW4", W) };
        var options = new DrawingOfLotsOptions { WorkloadCapPerGroup = 1 };
        for (ulong seed = 0; seed < 300; seed++)
        {
            var inputs = Inputs(candidates, ["EE1", "EE2", "EE3", "EE4"], options);
            var pairings = DrawingOfLots.Draw(inputs, seed).Pairings();
            Assert.Empty(PairingChecker.Violations(pairings, inputs.PartiesUnderReview, inputs.Candidates, options));
        }
    }

    [Fact]
    public void AnInfeasibleDrawFoundOnlyBySearchingNamesThePlaceThatCannotBeFilled()
    {
        // Both African parties under review need their other-region reviewer from the single WEOG party, whose cap is 1.
        var candidates = new[] { C("AA1", A), C("AA2", A), C("AA3", A), C("WW1", W) };
        var options = new DrawingOfLotsOptions { WorkloadCapPerGroup = 1 };
        var error = Assert.Throws<DomainException>(() => DrawingOfLots.Draw(Inputs(candidates, ["AA1", "AA2"], options), 8));
        Assert.Equal("WORKLOAD_CAP", error.Code);
        Assert.Contains("other-region reviewer", error.Message);
    }

    [Fact]
    public void ASearchOverItsBudgetStopsWithAClearError()
    {
        var candidates = DrawingOfLots.CandidatesAsOf(RealParties.All, new DateOnly(2020, 12, 1));
        var options = new DrawingOfLotsOptions { MaxSearchSteps = 10 };
        var inputs = new PairingInputs(new DateOnly(2020, 12, 1), candidates, candidates.Take(60).Select(c => c.Iso3).ToList(), [], null, DrawRules.From(options));
        var error = Assert.Throws<DomainException>(() => DrawingOfLots.Draw(inputs, 1));
        Assert.Equal(DomainErrorKind.FailedPrecondition, error.Kind);
        Assert.Contains("MaxSearchSteps", error.Message);
    }

    [Fact]
    public void ThePartyUnderReviewMustBeACandidateOnTheDrawDate()
    {
        var candidates = DrawingOfLots.CandidatesAsOf(RealParties.All, new DateOnly(2020, 12, 1));
        var error = Assert.Throws<DomainException>(() =>
            DrawingOfLots.Draw(new PairingInputs(new DateOnly(2020, 12, 1), candidates, ["BTN"], [], null, DrawRules.From(new DrawingOfLotsOptions())), 1));
        Assert.Equal(DomainErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("BTN is not a party to the Convention on 2020-12-01", error.Message);
    }

    [Fact]
    public void TheAuditListsEveryPlaceWithItsExclusionsAndReasons()
    {
        var candidates = new[] { C("AA1", A, Instrument.Fir), C("AA2", A), C("AA3", A, Instrument.Fir), C("WW1", W, Instrument.Fir), C("WW2", W) };
        var options = new DrawingOfLotsOptions { WorkloadCapPerGroup = 1 };
        var inputs = Inputs(candidates, ["AA1", "AA2"], options);
        var outcome = DrawingOfLots.Draw(inputs, 11);
        Assert.Equal(outcome.Pairings().Sum(p => p.Reviewers().Count()), outcome.Audit.Count);
        Assert.Equal(Enumerable.Range(1, outcome.Audit.Count), outcome.Audit.Select(a => a.Order));
        foreach (var place in outcome.Audit)
        {
            var all = place.Excluded.SelectMany(e => e.Parties).Append(place.Drawn).ToList();
            Assert.Equal(5 - (place.EligibleCount - 1), all.Count);
            Assert.Contains(place.Excluded, e => e.Reason == "is the party under review" && e.Parties.SequenceEqual([place.PartyUnderReview]));
        }
        Assert.Contains(outcome.Audit, a => a.Excluded.Any(e => e.Reason.StartsWith("already reviews 1 parties in this group (workload cap 1)", StringComparison.Ordinal)));
        Assert.Contains(outcome.Audit, a => a.Excluded.Any(e => e.Reason.StartsWith("not in the African Group", StringComparison.Ordinal)));
    }

    [Fact]
    public void ADrawRecordReplaysToTheSamePairs()
    {
        var candidates = DrawingOfLots.CandidatesAsOf(RealParties.All, new DateOnly(2020, 12, 1));
        var inputs = new PairingInputs(new DateOnly(2020, 12, 1), candidates, candidates.Where((_, i) => i % 3 == 0).Select(c => c.Iso3).ToList(), [], null, DrawRules.From(new DrawingOfLotsOptions()));
        var outcome = DrawingOfLots.Draw(inputs, 2020);
        var record = DrawRecord.ForPairing(Guid.NewGuid(), 1, "secretariat-user", DateTimeOffset.UnixEpoch, 2020, inputs, outcome);
        Assert.True(DrawingOfLots.Replay(record).SamePlacesAs(outcome));
        Assert.Contains(record.Constraints, c => c.Contains("no party reviews more than 2 parties in one group", StringComparison.Ordinal));
    }
}
