using System.Security.Cryptography;
using ReviewMechanism.ServiceDefaults.Errors;
using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.Parties;

namespace Reviews.Api.Domain.Drawing;

/// <summary>The inputs turned into indices, with the checks that name an impossible rule before searching.</summary>
internal sealed class DrawingProblem
{
    private static readonly string[] RegionsTexts = Enumerable.Range(0, 64)
        .Select(mask => string.Join(" or ", RegionalGroups.All.Where(g => g != RegionalGroup.None && (mask & (1 << (int)g)) != 0).Select(g => g.DisplayName())))
        .ToArray();

    private static readonly string[] NotPartyTexts = Enumerable.Range(0, 16)
        .Select(mask => $"not party to {new InstrumentSet((byte)mask)} (instrument coverage)")
        .ToArray();

    private static string RegionsText(byte mask) => RegionsTexts[mask & 63];

    private readonly PairingInputs _inputs;

    private DrawingProblem(PairingInputs inputs, byte[] region, byte[] instruments, int[] capacity, List<PairingSolver.PurSpec> purs)
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

    public static DrawingProblem Build(PairingInputs inputs)
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
            region[i] = DrawingOfLots.RegionMask(candidates[i].Group, candidates[i].Iso3, inputs.Rules);
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
        return new DrawingProblem(inputs, region, instruments, capacity, specs);
    }

    /// <summary>Rules that no search can satisfy, named before searching.</summary>
    public void CheckFeasibility()
    {
        var keepsSide = _inputs.Rules.AdditionalReviewerKeepsSlotRegion;
        var protocols = InstrumentSet.Of(Instrument.Tip, Instrument.Som, Instrument.Fir).Mask;
        // Per region mask, one pass over the candidates: per side, how many could sit, how many have room, and how
        // many are party to each instrument. A party under review then subtracts itself and its redraw exclusions.
        var aggregates = new Dictionary<byte, SideAggregate>();
        var count = new int[2];
        var withRoom = new int[2];
        var perInstrument = new int[8];
        var covered = new int[2];
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
            if (!aggregates.TryGetValue(mask, out var aggregate))
            {
                aggregates[mask] = aggregate = Aggregate(mask);
            }
            aggregate.Count.CopyTo(count, 0);
            aggregate.WithRoom.CopyTo(withRoom, 0);
            aggregate.PerInstrument.CopyTo(perInstrument, 0);
            var leaving = spec.Excluded.Length + spec.OnReview.Length == 0 ? [spec.Candidate] : spec.Excluded.Concat(spec.OnReview).Append(spec.Candidate).Distinct().ToArray();
            foreach (var c in leaving)
            {
                var cSide = (Region[c] & mask) != 0 ? 0 : 1;
                count[cSide]--;
                if (Capacity[c] > 0)
                {
                    withRoom[cSide]--;
                }
                for (var bit = 0; bit < 4; bit++)
                {
                    if ((Instruments[c] & (1 << bit)) != 0)
                    {
                        perInstrument[cSide * 4 + bit]--;
                    }
                }
            }
            Array.Clear(covered);
            for (var side = 0; side < 2; side++)
            {
                for (var bit = 0; bit < 4; bit++)
                {
                    if (perInstrument[side * 4 + bit] > 0)
                    {
                        covered[side] |= 1 << bit;
                    }
                }
            }
            for (var side = 0; side < 2; side++)
            {
                if (!(side == 0 ? spec.FillSameRegion : spec.FillOtherRegion))
                {
                    continue;
                }
                var sameSide = side == 0;
                string Place() => sameSide ? $"a reviewer from {RegionsText(mask)}" : $"a reviewer from outside {RegionsText(mask)}";
                if (count[side] == 0)
                {
                    throw DomainException.Precondition(
                        sameSide ? "SAME_REGION_REVIEWER" : "OTHER_REGION_REVIEWER", $"party/{pur.Iso3}",
                        $"No party can be drawn as {Place()} for {pur.Iso3}: there is no other candidate on that side{(spec.Excluded.Length > 0 ? " once the previous reviewers are excluded" : "")}.");
                }
                if (withRoom[side] == 0)
                {
                    throw DomainException.Precondition("WORKLOAD_CAP", $"party/{pur.Iso3}", $"No party can be drawn as {Place()} for {pur.Iso3}: every candidate already reviews {Cap} parties in this group (workload cap).");
                }
                var pool = keepsSide ? covered[side] : covered[0] | covered[1];
                var uncovered = (byte)(pur.Instruments.Mask & protocols & ~pool);
                if (uncovered != 0)
                {
                    var instrument = new InstrumentSet(uncovered).Items().First();
                    throw DomainException.Precondition(
                        "INSTRUMENT_COVERAGE", $"party/{pur.Iso3}/{instrument.Code()}",
                        $"No candidate {(keepsSide ? (sameSide ? $"from {RegionsText(mask)} " : $"from outside {RegionsText(mask)} ") : "")}other than {pur.Iso3} is party to {instrument.Title()} ({instrument.Code()}), so nobody can review {pur.Iso3} on it.");
                }
            }
        }

        // Workload: the same-region places of each regional group against what its parties can still take.
        var demand = new int[8];
        var supply = new int[8];
        var suppliers = new int[8];
        var places = 0;
        var total = 0;
        foreach (var spec in Purs)
        {
            places += (spec.FillSameRegion ? 1 : 0) + (spec.FillOtherRegion ? 1 : 0);
            var mask = Region[spec.Candidate];
            if (spec.FillSameRegion && System.Numerics.BitOperations.PopCount(mask) == 1)
            {
                demand[System.Numerics.BitOperations.TrailingZeroCount(mask)]++;
            }
        }
        for (var c = 0; c < Candidates.Count; c++)
        {
            if (Capacity[c] <= 0)
            {
                continue;
            }
            total += Capacity[c];
            for (var g = 1; g < 8; g++)
            {
                if ((Region[c] & (1 << g)) != 0)
                {
                    supply[g] += Capacity[c];
                    suppliers[g]++;
                }
            }
        }
        foreach (var group in RegionalGroups.All.Where(g => g != RegionalGroup.None))
        {
            var g = (int)group;
            if (demand[g] > supply[g])
            {
                throw DomainException.Precondition(
                    "WORKLOAD_CAP", $"regional-group/{group.Code()}",
                    $"The workload cap of {Cap} reviews per reviewer per group cannot be met: {demand[g]} parties of {group.DisplayName()} need a same-region reviewer, but its {suppliers[g]} available parties can conduct at most {supply[g]} reviews.");
            }
        }
        if (places > total)
        {
            throw DomainException.Precondition(
                "WORKLOAD_CAP", "draw",
                $"The workload cap of {Cap} reviews per reviewer per group cannot be met: {places} reviewing places are needed but the candidates can conduct at most {total} reviews.");
        }
    }

    private SideAggregate Aggregate(byte mask)
    {
        var aggregate = new SideAggregate(new int[2], new int[2], new int[8]);
        for (var c = 0; c < Candidates.Count; c++)
        {
            var side = (Region[c] & mask) != 0 ? 0 : 1;
            aggregate.Count[side]++;
            if (Capacity[c] > 0)
            {
                aggregate.WithRoom[side]++;
            }
            for (var bit = 0; bit < 4; bit++)
            {
                if ((Instruments[c] & (1 << bit)) != 0)
                {
                    aggregate.PerInstrument[side * 4 + bit]++;
                }
            }
        }
        return aggregate;
    }

    private sealed record SideAggregate(int[] Count, int[] WithRoom, int[] PerInstrument);

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

    public PairingOutcome Outcome(PairingSolver solver, bool withAudit)
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
        return new PairingOutcome(places, withAudit ? Audit(solver) : [], solver.Steps);
    }

    /// <summary>Replays the decisions in order and writes down, for each place, who was excluded and why.</summary>
    private List<SlotAudit> Audit(PairingSolver solver)
    {
        var capacity = (int[])Capacity.Clone();
        var onReview = Purs.Select(s => new OnReviewSet(s.OnReview)).ToList();
        var statics = new Dictionary<int, StaticExclusions>();
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
            var key = (kind << 12) | (mask << 4) | missing;
            if (!statics.TryGetValue(key, out var fixedRules))
            {
                statics[key] = fixedRules = StaticExclusionsFor(solver, kind, mask, missing);
            }

            // What depends on the moment: the party itself, the redraw's exclusions, places taken, the cap.
            var excluded = new List<CandidateExclusion>();
            List<string>? redrawn = null, taken = null;
            SortedDictionary<int, List<string>>? full = null;
            var eligible = 0;
            var anyExcluded = spec.Excluded.Length > 0;
            var reviewing = onReview[p];
            foreach (var c in fixedRules.Members)
            {
                if (c == spec.Candidate)
                {
                    continue;
                }
                if (capacity[c] > 0 && !anyExcluded && !reviewing.Contains(c))
                {
                    eligible++;
                }
                else if (anyExcluded && Array.IndexOf(spec.Excluded, c) >= 0)
                {
                    (redrawn ??= []).Add(Candidates[c].Iso3);
                }
                else if (reviewing.Contains(c))
                {
                    (taken ??= []).Add(Candidates[c].Iso3);
                }
                else if (capacity[c] <= 0)
                {
                    full ??= [];
                    var reviews = Cap - capacity[c];
                    if (!full.TryGetValue(reviews, out var list))
                    {
                        full[reviews] = list = [];
                    }
                    list.Add(Candidates[c].Iso3);
                }
                else
                {
                    eligible++;
                }
            }
            excluded.Add(new CandidateExclusion("is the party under review", [pur.Iso3]));
            if (redrawn is not null)
            {
                excluded.Add(new CandidateExclusion("held this place before the redraw", redrawn));
            }
            excluded.AddRange(fixedRules.Exclusions.Where(e => e.Parties.Count > 1 || e.Parties[0] != pur.Iso3)
                .Select(e => e.Parties.Contains(pur.Iso3) ? e with { Parties = e.Parties.Where(i => i != pur.Iso3).ToList() } : e));
            if (taken is not null)
            {
                excluded.Add(new CandidateExclusion("already holds a place in this review", taken));
            }
            foreach (var (reviews, list) in full ?? [])
            {
                excluded.Add(new CandidateExclusion($"already reviews {reviews} parties in this group (workload cap {Cap})", list));
            }
            var side = kind is PairingSolver.KindSameRegion or PairingSolver.KindAdditionalSameRegion ? ReviewerSlot.SameRegion
                : kind is PairingSolver.KindOtherRegion or PairingSolver.KindAdditionalOtherRegion ? ReviewerSlot.OtherRegion
                : ((slot % 4) - 2 == 0 ? ReviewerSlot.SameRegion : ReviewerSlot.OtherRegion);
            var additional = kind >= PairingSolver.KindAdditionalSameRegion;
            var covers = additional ? new InstrumentSet(missing) : new InstrumentSet((byte)(pur.Instruments.Mask & Instruments[drawn]));
            audit.Add(new SlotAudit(++order, pur.Iso3, side, additional, covers, Candidates[drawn].Iso3, eligible, excluded));
            capacity[drawn]--;
            onReview[p].Add(drawn);
        }
        return audit;
    }

    /// <summary>The candidates a kind of place admits, and those its fixed rules (region, instruments) exclude, by reason.</summary>
    private StaticExclusions StaticExclusionsFor(PairingSolver solver, int kind, byte mask, byte missing)
    {
        var members = new List<int>();
        var notSame = new List<string>();
        var same = new List<string>();
        var notParty = new SortedDictionary<int, List<string>>();
        for (var c = 0; c < Candidates.Count; c++)
        {
            if (solver.Matches(kind, mask, missing, c))
            {
                members.Add(c);
                continue;
            }
            var sameRegion = (Region[c] & mask) != 0;
            if (kind is PairingSolver.KindSameRegion or PairingSolver.KindAdditionalSameRegion && !sameRegion)
            {
                notSame.Add(Candidates[c].Iso3);
            }
            else if (kind is PairingSolver.KindOtherRegion or PairingSolver.KindAdditionalOtherRegion && sameRegion)
            {
                same.Add(Candidates[c].Iso3);
            }
            else
            {
                var lacking = missing & ~Instruments[c] & 15;
                if (!notParty.TryGetValue(lacking, out var list))
                {
                    notParty[lacking] = list = [];
                }
                list.Add(Candidates[c].Iso3);
            }
        }
        var exclusions = new List<CandidateExclusion>();
        if (notSame.Count > 0)
        {
            exclusions.Add(new CandidateExclusion($"not in {RegionsText(mask)} (same-region place)", notSame));
        }
        if (same.Count > 0)
        {
            exclusions.Add(new CandidateExclusion($"in {RegionsText(mask)} like the party under review (other-region place)", same));
        }
        exclusions.AddRange(notParty.Select(n => new CandidateExclusion(NotPartyTexts[n.Key], n.Value)));
        return new StaticExclusions([.. members], exclusions);
    }

    private sealed record StaticExclusions(int[] Members, List<CandidateExclusion> Exclusions);

    /// <summary>The few parties sitting on one review (at most a handful), checked without hashing.</summary>
    private sealed class OnReviewSet(int[] initial)
    {
        private readonly List<int> _items = [.. initial];

        public bool Contains(int candidate)
        {
            foreach (var item in _items)
            {
                if (item == candidate)
                {
                    return true;
                }
            }
            return false;
        }

        public void Add(int candidate) => _items.Add(candidate);
    }
}
