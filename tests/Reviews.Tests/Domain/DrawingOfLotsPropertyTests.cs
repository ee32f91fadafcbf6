using System.Diagnostics;
using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Parties;
using Reviews.Tests.Support;
using Xunit.Abstractions;

namespace Reviews.Tests.Domain;

public class DrawingOfLotsPropertyTests(ITestOutputHelper output)
{
    private const int Seeds = 10_000;

    [Fact]
    public void TenThousandSeedsOverTheRealPartyListKeepEveryRuleAndReplayIdentically()
    {
        var options = new DrawingOfLotsOptions();
        var rules = DrawRules.From(options);
        var asOf = new DateOnly(2020, 12, 1);
        var candidates = DrawingOfLots.CandidatesAsOf(RealParties.All, asOf);
        var participants = candidates.Select(c => c.Iso3).ToList();
        Assert.Equal(190, participants.Count); // every party of the file but Bhutan (2023)

        var generator = new SplitMix64(0x5EED_2020_1201UL);
        var seeds = Enumerable.Range(0, Seeds).Select(_ => generator.Next()).ToArray();
        var stopwatch = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        long steps = 0;
        long additional = 0;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Parallel.For(0, Seeds, i =>
        {
            var seed = seeds[i];
            var split = DrawingOfLots.SplitIntoGroups(new GroupSplitInputs(participants, options.GroupCount), seed);
            if (!split.Groups.SelectMany(g => g).Order(StringComparer.Ordinal).SequenceEqual(participants)
                || split.Groups.Max(g => g.Count) - split.Groups.Min(g => g.Count) > 1)
            {
                failures.Enqueue($"seed {seed}: the groups do not split the participants evenly");
            }
            for (var g = 0; g < split.Groups.Count; g++)
            {
                var inputs = new PairingInputs(asOf, candidates, split.Groups[g], [], null, rules);
                var drawSeed = seed + (ulong)g;
                // The audit trail is a report written from the places; it is built for one seed in a hundred here.
                var withAudit = i % 100 == 0;
                var outcome = DrawingOfLots.Draw(inputs, drawSeed, withAudit);
                Interlocked.Add(ref steps, outcome.SearchSteps);
                var pairings = outcome.Pairings();
                Interlocked.Add(ref additional, pairings.Sum(p => p.AdditionalReviewers.Count));
                foreach (var problem in PairingChecker.Violations(pairings, split.Groups[g], candidates, options))
                {
                    failures.Enqueue($"seed {drawSeed} group {g + 1}: {problem}");
                }
                var replay = DrawingOfLots.Draw(inputs with { Candidates = [.. candidates] }, drawSeed, withAudit: false);
                if (!replay.SamePlacesAs(outcome))
                {
                    failures.Enqueue($"seed {drawSeed} group {g + 1}: the replay drew different pairs");
                }
                if (withAudit)
                {
                    var audited = outcome.Audit.Select(a => (a.PartyUnderReview, a.Drawn)).Order().ToList();
                    var drawn = pairings.SelectMany(p => p.Reviewers().Select(r => (p.PartyUnderReview, r))).Order().ToList();
                    if (!audited.SequenceEqual(drawn))
                    {
                        failures.Enqueue($"seed {drawSeed} group {g + 1}: the audit does not list the places drawn");
                    }
                }
            }
        });
        stopwatch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        output.WriteLine($"{Seeds} seeds x 3 groups (+ replays) in {stopwatch.Elapsed.TotalSeconds:F1} s wall, {cpu.TotalSeconds:F1} s CPU; {steps / (Seeds * 3.0):F0} candidate checks and {additional / (Seeds * 3.0):F1} additional reviewers per group draw");
        Assert.Empty(failures.Take(20));
        // CPU time, not wall time: the test machine is shared (other test classes may run meanwhile and count too).
        Assert.True(cpu < TimeSpan.FromSeconds(60), $"took {cpu.TotalSeconds:F1} s of CPU");
    }

    [Fact]
    public void TheSameSeedAndInputsGiveTheSamePairsAndAnotherSeedOthers()
    {
        var asOf = new DateOnly(2021, 11, 1);
        var candidates = DrawingOfLots.CandidatesAsOf(RealParties.All, asOf);
        var group = candidates.Where((_, i) => i % 3 == 1).Select(c => c.Iso3).ToList();
        var inputs = new PairingInputs(asOf, candidates, group, [], null, DrawRules.From(new DrawingOfLotsOptions()));
        var first = DrawingOfLots.Draw(inputs, 42);
        var again = DrawingOfLots.Draw(inputs, 42);
        var other = DrawingOfLots.Draw(inputs, 43);
        Assert.True(first.SamePlacesAs(again));
        Assert.Equal(first.Audit, again.Audit, new AuditComparer());
        Assert.False(first.SamePlacesAs(other));
    }

    private sealed class AuditComparer : IEqualityComparer<SlotAudit>
    {
        public bool Equals(SlotAudit? x, SlotAudit? y) =>
            x is not null && y is not null && x.Order == y.Order && x.Drawn == y.Drawn && x.PartyUnderReview == y.PartyUnderReview
            && x.Excluded.Count == y.Excluded.Count
            && x.Excluded.Zip(y.Excluded).All(p => p.First.Reason == p.Second.Reason && p.First.Parties.SequenceEqual(p.Second.Parties));

        public int GetHashCode(SlotAudit obj) => obj.Order;
    }
}
