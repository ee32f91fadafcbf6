using System.Security.Cryptography;
using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.Parties;

namespace Reviews.Api.Domain.Drawing;

/// <summary>
/// The drawing of lots (paras 17 and 28): splitting the parties into groups and drawing the reviewers of each
/// party under review. Pure functions of (inputs, seed): the same inputs and seed give the same result.
/// </summary>
public static class DrawingOfLots
{
    /// <summary>A fresh seed from the operating system's cryptographic generator (recorded with the draw).</summary>
    public static ulong NewSeed() => BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));

    /// <summary>The candidates of a draw: every party to the Convention on <paramref name="asOf"/>, in ISO3 order.</summary>
    public static IReadOnlyList<DrawCandidate> CandidatesAsOf(IEnumerable<Party> parties, DateOnly asOf) =>
        parties.Where(p => p.IsPartyTo(Instrument.Untoc, asOf))
            .OrderBy(p => p.Iso3, StringComparer.Ordinal)
            .Select(p => new DrawCandidate(p.Iso3, p.RegionalGroup, p.InstrumentsAsOf(asOf)))
            .ToList();

    /// <summary>Splits the participants by lot into groups whose sizes differ by at most one.</summary>
    public static GroupSplitOutcome SplitIntoGroups(GroupSplitInputs inputs, ulong seed)
    {
        if (inputs.GroupCount < 1)
        {
            throw DomainException.Invalid("group_count", "At least one group is needed.");
        }
        var participants = inputs.Participants.ToList();
        if (participants.Distinct(StringComparer.Ordinal).Count() != participants.Count)
        {
            throw DomainException.Invalid("participants", "A party is listed twice among the participants.");
        }
        if (participants.Count < inputs.GroupCount)
        {
            throw DomainException.Invalid("participants", $"{participants.Count} parties cannot fill {inputs.GroupCount} groups.");
        }
        participants.Sort(StringComparer.Ordinal);
        var random = new Xoshiro256StarStar(seed);
        random.Shuffle(participants);
        var groups = Enumerable.Range(0, inputs.GroupCount).Select(_ => new List<string>()).ToList();
        for (var i = 0; i < participants.Count; i++)
        {
            groups[i % inputs.GroupCount].Add(participants[i]);
        }
        return new GroupSplitOutcome(groups.Select(g => (IReadOnlyList<string>)g.Order(StringComparer.Ordinal).ToList()).ToList());
    }

    /// <summary>
    /// Draws the places of the parties under review (all places, or those of <see cref="PairingInputs.Redraw"/>).
    /// Fails with FAILED_PRECONDITION naming the rule that cannot be met when no pairing satisfies them all.
    /// </summary>
    public static PairingOutcome Draw(PairingInputs inputs, ulong seed)
    {
        var problem = Problem.Build(inputs);
        problem.CheckFeasibility();
        var solver = new PairingSolver(
            problem.Region, problem.Instruments, problem.Capacity, problem.Purs,
            inputs.Rules.AdditionalReviewerKeepsSlotRegion, inputs.Rules.MaxSearchSteps, new Xoshiro256StarStar(seed));
        var outcome = solver.Solve();
        if (outcome != PairingSolver.SolveOutcome.Solved)
        {
            throw problem.SearchFailure(solver, outcome);
        }
        return problem.Outcome(solver);
    }

    /// <summary>Draws again with the recorded inputs and seed: the result equals the recorded one.</summary>
    public static PairingOutcome Replay(DrawRecord record) =>
        Draw(record.PairingInputs ?? throw new InvalidOperationException("The record is not a pairing draw."), record.Seed);

    /// <summary>The same-region test of the draw, affinity included (see <see cref="RegionalAffinityOptions"/>).</summary>
    public static byte RegionMask(RegionalGroup group, string iso3, DrawRules rules)
    {
        if (group != RegionalGroup.None)
        {
            return (byte)(1 << (int)group);
        }
        var affinity = rules.Affinities.FirstOrDefault(a => a.Iso3 == iso3);
        byte mask = 0;
        foreach (var g in affinity?.Groups ?? [])
        {
            if (g != RegionalGroup.None)
            {
                mask |= (byte)(1 << (int)g);
            }
        }
        return mask;
    }

    private static string RegionsText(byte mask) =>
        string.Join(" or ", RegionalGroups.All.Where(g => g != RegionalGroup.None && (mask & (1 << (int)g)) != 0).Select(g => g.DisplayName()));

    /// <summary>The inputs turned into indices, with the checks that name an impossible rule before searching.</summary>
    private sealed class Problem
    {
        private readonly PairingInputs _inputs;

        private Problem(PairingInputs inputs, byte[] region, byte[] instruments, int[] capacity, List<PairingSolver.PurSpec> purs)
        {
            _inputs = inputs;
            Region = region;
            Instruments = instruments;
            Capacity = capacity;
            Purs = purs;
        }

        public byte[] Region { get; }

        public byte[] Instruments { get; }

        public int[] Capacity { get; }

        public List<PairingSolver.PurSpec> Purs { get; }

        private IReadOnlyList<DrawCandidate> Candidates => _inputs.Candidates;

        private int Cap => _inputs.Rules.WorkloadCap;

        public static Problem Build(PairingInputs inputs)
        {
            var violations = new List<FieldViolation>();
            var candidates = inputs.Candidates;
            for (var i = 1; i < candidates.Count; i++)
            {
                if (string.CompareOrdinal(candidates[i - 1].Iso3, candidates[i].Iso3) >= 0)
                {
                    violations.Add(new FieldViolation("candidates", "Candidates must be unique and in ISO3 order."));
                    break;
                }
            }
            if (inputs.Rules.WorkloadCap < 0)
            {
                violations.Add(new FieldViolation("workload_cap", "The workload cap cannot be negative."));
            }
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < candidates.Count; i++)
            {
                index.TryAdd(candidates[i].Iso3, i);
            }
            var purs = inputs.PartiesUnderReview;
            if (purs.Count == 0)
            {
                violations.Add(new FieldViolation("parties_under_review", "No party under review."));
            }
            if (purs.Distinct(StringComparer.Ordinal).Count() != purs.Count)
            {
                violations.Add(new FieldViolation("parties_under_review", "A party under review is listed twice."));
            }
            foreach (var pur in purs.Where(p => !index.ContainsKey(p)))
            {
                violations.Add(new FieldViolation("parties_under_review", $"{pur} is not a party to the Convention on {inputs.AsOf:yyyy-MM-dd}, so it cannot be reviewed in this draw."));
            }
            foreach (var load in inputs.FixedLoads.Where(l => !index.ContainsKey(l.Iso3)))
            {
                violations.Add(new FieldViolation("fixed_loads", $"{load.Iso3} is not a candidate of this draw."));
            }
            var redraw = inputs.Redraw;
            if (redraw is not null)
            {
                if (purs.Count != 1 || purs[0] != redraw.PartyUnderReview)
                {
                    violations.Add(new FieldViolation("redraw", "A redraw concerns exactly the one party whose pairing is drawn again."));
                }
                if (redraw.Slots.Count == 0 || redraw.Slots.Distinct().Count() != redraw.Slots.Count)
                {
                    violations.Add(new FieldViolation("redraw.slots", "Name the places to draw again, each once."));
                }
                foreach (var party in redraw.KeptReviewers.Concat(redraw.Excluded).Where(p => !index.ContainsKey(p)))
                {
                    violations.Add(new FieldViolation("redraw", $"{party} is not a candidate of this draw."));
                }
            }
            if (violations.Count > 0)
            {
                throw DomainException.Invalid($"The draw's inputs are not usable: {violations[0].Description}", violations);
            }

            var region = new byte[candidates.Count];
            var instruments = new byte[candidates.Count];
            var capacity = new int[candidates.Count];
            for (var i = 0; i < candidates.Count; i++)
            {
                region[i] = RegionMask(candidates[i].Group, candidates[i].Iso3, inputs.Rules);
                instruments[i] = candidates[i].Instruments.Mask;
                capacity[i] = inputs.Rules.WorkloadCap;
            }
            foreach (var load in inputs.FixedLoads)
            {
                capacity[index[load.Iso3]] -= load.Reviews;
            }
            var specs = new List<PairingSolver.PurSpec>();
            foreach (var pur in purs.Order(StringComparer.Ordinal))
            {
                var fillSame = redraw is null || redraw.Slots.Contains(ReviewerSlot.SameRegion);
                var fillOther = redraw is null || redraw.Slots.Contains(ReviewerSlot.OtherRegion);
                var kept = redraw is null ? [] : redraw.KeptReviewers.Select(k => index[k]).ToArray();
                var excluded = redraw is null ? [] : redraw.Excluded.Select(k => index[k]).ToArray();
                specs.Add(new PairingSolver.PurSpec(index[pur], fillSame, fillOther, kept, excluded));
            }
            return new Problem(inputs, region, instruments, capacity, specs);
        }

        /// <summary>Rules that no search can satisfy, named before searching.</summary>
        public void CheckFeasibility()
        {
            var keepsSide = _inputs.Rules.AdditionalReviewerKeepsSlotRegion;
            foreach (var spec in Purs)
            {
                var pur = Candidates[spec.Candidate];
                var mask = Region[spec.Candidate];
                if (mask == 0)
                {
                    throw DomainException.Precondition(
                        "REGIONAL_AFFINITY", $"party/{pur.Iso3}",
                        $"{pur.Iso3} is in no regional group and no regional affinity is configured for it (Reviews:DrawingOfLots:RegionalAffinity), so its same-region reviewer cannot be drawn.");
                }
                foreach (var (fill, sameSide) in new[] { (spec.FillSameRegion, true), (spec.FillOtherRegion, false) })
                {
                    if (!fill)
                    {
                        continue;
                    }
                    var side = Enumerable.Range(0, Candidates.Count)
                        .Where(c => c != spec.Candidate && ((Region[c] & mask) != 0) == sameSide
                            && !spec.Excluded.Contains(c) && !spec.OnReview.Contains(c))
                        .ToList();
                    var constraint = sameSide ? "SAME_REGION_REVIEWER" : "OTHER_REGION_REVIEWER";
                    var place = sameSide ? $"a reviewer from {RegionsText(mask)}" : $"a reviewer from outside {RegionsText(mask)}";
                    if (side.Count == 0)
                    {
                        throw DomainException.Precondition(constraint, $"party/{pur.Iso3}", $"No party can be drawn as {place} for {pur.Iso3}: there is no other candidate on that side{(spec.Excluded.Length > 0 ? " once the previous reviewers are excluded" : "")}.");
                    }
                    if (side.All(c => Capacity[c] <= 0))
                    {
                        throw DomainException.Precondition("WORKLOAD_CAP", $"party/{pur.Iso3}", $"No party can be drawn as {place} for {pur.Iso3}: every candidate already reviews {Cap} parties in this group (workload cap).");
                    }
                    foreach (var instrument in pur.Instruments.Items().Where(i => i.IsProtocol()))
                    {
                        var bit = 1 << (int)instrument;
                        var pool = keepsSide ? side : Enumerable.Range(0, Candidates.Count).Where(c => c != spec.Candidate && !spec.Excluded.Contains(c));
                        if (!pool.Any(c => (Instruments[c] & bit) != 0))
                        {
                            throw DomainException.Precondition(
                                "INSTRUMENT_COVERAGE", $"party/{pur.Iso3}/{instrument.Code()}",
                                $"No candidate {(keepsSide ? (sameSide ? $"from {RegionsText(mask)} " : $"from outside {RegionsText(mask)} ") : "")}other than {pur.Iso3} is party to {instrument.Title()} ({instrument.Code()}), so nobody can review {pur.Iso3} on it.");
                        }
                    }
                }
            }

            // Workload: the same-region places of each regional group against what its parties can still take.
            foreach (var group in RegionalGroups.All.Where(g => g != RegionalGroup.None))
            {
                var bit = (byte)(1 << (int)group);
                var demand = Purs.Count(s => s.FillSameRegion && Region[s.Candidate] == bit);
                var suppliers = Enumerable.Range(0, Candidates.Count).Where(c => (Region[c] & bit) != 0 && Capacity[c] > 0).ToList();
                var supply = suppliers.Sum(c => Capacity[c]);
                if (demand > supply)
                {
                    throw DomainException.Precondition(
                        "WORKLOAD_CAP", $"regional-group/{group.Code()}",
                        $"The workload cap of {Cap} reviews per reviewer per group cannot be met: {demand} parties of {group.DisplayName()} need a same-region reviewer, but its {suppliers.Count} available parties can conduct at most {supply} reviews.");
                }
            }
            var places = Purs.Sum(s => (s.FillSameRegion ? 1 : 0) + (s.FillOtherRegion ? 1 : 0));
            var total = Capacity.Where(c => c > 0).Sum();
            if (places > total)
            {
                throw DomainException.Precondition(
                    "WORKLOAD_CAP", "draw",
                    $"The workload cap of {Cap} reviews per reviewer per group cannot be met: {places} reviewing places are needed but the candidates can conduct at most {total} reviews.");
            }
        }

        public DomainException SearchFailure(PairingSolver solver, PairingSolver.SolveOutcome outcome)
        {
            var tightest = solver.TightestPlace();
            var budget = outcome == PairingSolver.SolveOutcome.BudgetExhausted
                ? $" (search stopped after {solver.Steps:N0} candidate checks, the configured MaxSearchSteps)"
                : "";
            if (tightest is not { } t)
            {
                return DomainException.Precondition("SEARCH_BUDGET", "draw", $"No pairing satisfying every rule was found{budget}.");
            }
            var pur = Candidates[Purs[t.Pur].Candidate].Iso3;
            var mask = Region[Purs[t.Pur].Candidate];
            var place = t.Kind switch
            {
                PairingSolver.KindSameRegion => $"the same-region reviewer of {pur} (from {RegionsText(mask)})",
                PairingSolver.KindOtherRegion => $"the other-region reviewer of {pur}",
                _ => $"an additional reviewer of {pur} party to {new InstrumentSet(t.Missing)}",
            };
            var constraint = t.Kind >= PairingSolver.KindAdditionalSameRegion ? "INSTRUMENT_COVERAGE" : "WORKLOAD_CAP";
            return DomainException.Precondition(
                constraint, $"party/{pur}",
                $"No pairing satisfies every rule{budget}: the place that cannot be filled is {place}; every party that could take it already reviews {Cap} parties in this group (workload cap) or already sits on that review.");
        }

        public PairingOutcome Outcome(PairingSolver solver)
        {
            var places = new List<DrawnPlace>();
            foreach (var spec in Purs.Select((s, i) => (s, i)))
            {
                var pur = Candidates[spec.s.Candidate].Iso3;
                foreach (var (fill, kind, slot) in new[] { (spec.s.FillSameRegion, 0, ReviewerSlot.SameRegion), (spec.s.FillOtherRegion, 1, ReviewerSlot.OtherRegion) })
                {
                    if (!fill)
                    {
                        continue;
                    }
                    var primary = solver.Assigned(spec.i * 4 + kind);
                    var additionalIndex = solver.Assigned(spec.i * 4 + kind + 2);
                    var additional = additionalIndex < 0 ? null
                        : new AdditionalReviewer(Candidates[additionalIndex].Iso3, new InstrumentSet(solver.SlotMissing(spec.i * 4 + kind + 2)), slot);
                    places.Add(new DrawnPlace(pur, slot, Candidates[primary].Iso3, additional));
                }
            }
            return new PairingOutcome(places, Audit(solver), solver.Steps);
        }

        /// <summary>Replays the decisions in order and writes down, for each place, who was excluded and why.</summary>
        private List<SlotAudit> Audit(PairingSolver solver)
        {
            var capacity = (int[])Capacity.Clone();
            var onReview = Purs.Select(s => new HashSet<int>(s.OnReview)).ToList();
            var audit = new List<SlotAudit>();
            var order = 0;
            foreach (var (slot, drawn) in solver.Decisions)
            {
                var p = solver.SlotPur(slot);
                var spec = Purs[p];
                var pur = Candidates[spec.Candidate];
                var kind = solver.SlotKind(slot);
                var missing = solver.SlotMissing(slot);
                var mask = Region[spec.Candidate];
                var reasons = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
                var eligible = 0;
                for (var c = 0; c < Candidates.Count; c++)
                {
                    var reason = ExclusionReason(solver, kind, mask, missing, spec, onReview[p], capacity, c);
                    if (reason is null)
                    {
                        eligible++;
                        continue;
                    }
                    if (!reasons.TryGetValue(reason, out var list))
                    {
                        reasons[reason] = list = [];
                    }
                    list.Add(Candidates[c].Iso3);
                }
                var side = kind is PairingSolver.KindSameRegion or PairingSolver.KindAdditionalSameRegion ? ReviewerSlot.SameRegion
                    : kind is PairingSolver.KindOtherRegion or PairingSolver.KindAdditionalOtherRegion ? ReviewerSlot.OtherRegion
                    : ((slot % 4) - 2 == 0 ? ReviewerSlot.SameRegion : ReviewerSlot.OtherRegion);
                var additional = kind >= PairingSolver.KindAdditionalSameRegion;
                var covers = additional ? new InstrumentSet(missing) : new InstrumentSet((byte)(pur.Instruments.Mask & Instruments[drawn]));
                audit.Add(new SlotAudit(
                    ++order, pur.Iso3, side, additional, covers, Candidates[drawn].Iso3, eligible,
                    reasons.Select(r => new CandidateExclusion(r.Key, r.Value)).ToList()));
                capacity[drawn]--;
                onReview[p].Add(drawn);
            }
            return audit;
        }

        private string? ExclusionReason(
            PairingSolver solver, int kind, byte mask, byte missing, PairingSolver.PurSpec spec, HashSet<int> onReview, int[] capacity, int c)
        {
            if (c == spec.Candidate)
            {
                return "is the party under review";
            }
            if (spec.Excluded.Contains(c))
            {
                return "held this place before the redraw";
            }
            if (!solver.Matches(kind, mask, missing, c))
            {
                var sameRegion = (Region[c] & mask) != 0;
                if (kind is PairingSolver.KindSameRegion or PairingSolver.KindAdditionalSameRegion && !sameRegion)
                {
                    return $"not in {RegionsText(mask)} (same-region place)";
                }
                if (kind is PairingSolver.KindOtherRegion or PairingSolver.KindAdditionalOtherRegion && sameRegion)
                {
                    return $"in {RegionsText(mask)} like the party under review (other-region place)";
                }
                return $"not party to {new InstrumentSet((byte)(missing & ~Instruments[c]))} (instrument coverage)";
            }
            if (onReview.Contains(c))
            {
                return "already holds a place in this review";
            }
            if (capacity[c] <= 0)
            {
                return $"already reviews {Cap - capacity[c]} parties in this group (workload cap {Cap})";
            }
            return null;
        }
    }
}
