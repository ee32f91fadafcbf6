namespace Reviews.Api.Domain.Drawing;

/// <summary>
/// The search behind a pairing draw: depth-first backtracking over the places to fill, most constrained
/// place first (the fewest parties still able to take it), candidates tried in an order drawn from the seeded
/// generator. It is complete: when no pairing satisfies every rule it says so instead of failing where a
/// greedy draw would. Integer arrays only, so 10,000 draws over the real party list take seconds.
/// </summary>
internal sealed class PairingSolver
{
    public const int KindSameRegion = 0;
    public const int KindOtherRegion = 1;
    public const int KindAdditionalSameRegion = 2;
    public const int KindAdditionalOtherRegion = 3;
    public const int KindAdditionalAny = 4;

    private const int MaxOnReview = 12;

    private readonly int _candidateCount;
    private readonly byte[] _region;
    private readonly byte[] _instruments;
    private readonly int[] _capacity;
    private readonly bool _additionalKeepsSide;
    private readonly long _maxSteps;
    private readonly Xoshiro256StarStar _random;

    private readonly int[] _purCandidate;
    private readonly int[] _onReview;
    private readonly int[] _onReviewCount;
    private readonly int[][] _excluded;

    private readonly int[] _slotPur;
    private readonly int[] _slotKind;
    private readonly byte[] _slotMissing;
    private readonly int[] _slotType;
    private readonly int[] _slotAssigned;
    private readonly int[] _slotRank;
    private readonly int[] _slotChild;
    private readonly int[] _open;
    private readonly int[] _openIndex;
    private int _openCount;

    private readonly Dictionary<int, int> _typeByKey = [];
    private readonly List<int[]> _typeCandidates = [];
    private readonly List<int> _typeAvailable = [];
    private readonly List<int> _typeDeadEnds = [];
    private readonly List<int> _typeSampleSlot = [];
    private readonly List<int>[] _typesOfCandidate;

    private readonly int[] _frameSlot;
    private readonly int[][] _frameBuffer;
    private readonly int[] _frameLength;
    private readonly int[] _framePosition;
    private readonly int[] _frameChosen;
    private readonly bool[] _frameChildAdded;

    /// <param name="region">Region bit mask per candidate (bit g for regional group g; several for an affinity).</param>
    /// <param name="instruments">Instrument bit mask per candidate.</param>
    /// <param name="capacity">Reviews each candidate may still take in the group.</param>
    /// <param name="purs">Per party under review: its candidate index, the places to fill, the parties already on its review, the parties excluded.</param>
    public PairingSolver(
        byte[] region,
        byte[] instruments,
        int[] capacity,
        IReadOnlyList<PurSpec> purs,
        bool additionalKeepsSide,
        long maxSteps,
        Xoshiro256StarStar random)
    {
        _candidateCount = region.Length;
        _region = region;
        _instruments = instruments;
        _capacity = (int[])capacity.Clone();
        _additionalKeepsSide = additionalKeepsSide;
        _maxSteps = maxSteps;
        _random = random;
        _typesOfCandidate = new List<int>[_candidateCount];
        for (var c = 0; c < _candidateCount; c++)
        {
            _typesOfCandidate[c] = [];
        }

        var purCount = purs.Count;
        _purCandidate = new int[purCount];
        _onReview = new int[purCount * MaxOnReview];
        _onReviewCount = new int[purCount];
        _excluded = new int[purCount][];
        var slotCapacity = purCount * 4;
        _slotPur = new int[slotCapacity];
        _slotKind = new int[slotCapacity];
        _slotMissing = new byte[slotCapacity];
        _slotType = new int[slotCapacity];
        _slotAssigned = new int[slotCapacity];
        _slotRank = new int[slotCapacity];
        _slotChild = new int[slotCapacity];
        _open = new int[slotCapacity];
        _openIndex = new int[slotCapacity];
        Array.Fill(_slotAssigned, -1);
        Array.Fill(_slotChild, -1);
        Array.Fill(_openIndex, -1);
        Array.Fill(_slotType, -1);

        // The order in which parties under review win ties is itself drawn, so no party is favoured by its name.
        var order = Enumerable.Range(0, purCount).ToArray();
        random.Shuffle(order);
        var rankOfPur = new int[purCount];
        for (var i = 0; i < purCount; i++)
        {
            rankOfPur[order[i]] = i;
        }

        for (var p = 0; p < purCount; p++)
        {
            var spec = purs[p];
            _purCandidate[p] = spec.Candidate;
            _excluded[p] = spec.Excluded;
            if (spec.OnReview.Length > MaxOnReview - 4)
            {
                throw new ArgumentException("Too many reviewers kept on one review.", nameof(purs));
            }
            foreach (var kept in spec.OnReview)
            {
                _onReview[p * MaxOnReview + _onReviewCount[p]++] = kept;
            }
            for (var k = 0; k < 2; k++)
            {
                var slot = p * 4 + k;
                _slotPur[slot] = p;
                _slotKind[slot] = k;
                _slotRank[slot] = rankOfPur[p] * 4 + k;
                _slotPur[slot + 2] = p;
                _slotRank[slot + 2] = rankOfPur[p] * 4 + k + 2;
                var needed = k == KindSameRegion ? spec.FillSameRegion : spec.FillOtherRegion;
                if (needed)
                {
                    _slotType[slot] = TypeOf(k, _region[spec.Candidate], 0);
                    AddOpen(slot);
                }
            }
        }

        var depthCapacity = slotCapacity + 1;
        _frameSlot = new int[depthCapacity];
        _frameBuffer = new int[depthCapacity][];
        _frameLength = new int[depthCapacity];
        _framePosition = new int[depthCapacity];
        _frameChosen = new int[depthCapacity];
        _frameChildAdded = new bool[depthCapacity];
    }

    public long Steps { get; private set; }

    /// <summary>Places in the order they were filled, with the candidate drawn for each.</summary>
    public List<(int Slot, int Candidate)> Decisions { get; } = [];

    public int SlotPur(int slot) => _slotPur[slot];

    public int SlotKind(int slot) => _slotKind[slot];

    public byte SlotMissing(int slot) => _slotMissing[slot];

    /// <summary>The candidate holding the place, or -1.</summary>
    public int Assigned(int slot) => _slotAssigned[slot];

    /// <summary>Fills every open place. False when no assignment exists (or the step budget ran out).</summary>
    public SolveOutcome Solve()
    {
        var depth = 0;
        var resume = false;
        while (true)
        {
            int slot;
            if (!resume)
            {
                if (_openCount == 0)
                {
                    for (var d = 0; d < depth; d++)
                    {
                        Decisions.Add((_frameSlot[d], _frameChosen[d]));
                    }
                    return SolveOutcome.Solved;
                }
                slot = MostConstrainedOpenSlot();
                RemoveOpen(slot);
                StartFrame(depth, slot);
            }
            else
            {
                slot = _frameSlot[depth];
                Unassign(depth);
            }
            resume = false;

            var candidate = NextCandidate(depth);
            if (Steps > _maxSteps)
            {
                return SolveOutcome.BudgetExhausted;
            }
            if (candidate >= 0)
            {
                Assign(depth, candidate);
                depth++;
                continue;
            }

            // Dead end: nobody can take this place under the choices above it.
            var type = _slotType[slot];
            _typeDeadEnds[type]++;
            _typeSampleSlot[type] = slot;
            AddOpen(slot);
            if (depth == 0)
            {
                return SolveOutcome.Impossible;
            }
            depth--;
            resume = true;
        }
    }

    /// <summary>The place type that failed most often, with one place of that type (for the error message).</summary>
    public (int Kind, int Pur, byte Missing)? TightestPlace()
    {
        var best = -1;
        for (var t = 0; t < _typeDeadEnds.Count; t++)
        {
            if (_typeDeadEnds[t] > 0 && (best < 0 || _typeDeadEnds[t] > _typeDeadEnds[best]))
            {
                best = t;
            }
        }
        if (best < 0)
        {
            return null;
        }
        var slot = _typeSampleSlot[best];
        return (_slotKind[slot], _slotPur[slot], _slotMissing[slot]);
    }

    private int MostConstrainedOpenSlot()
    {
        var best = -1;
        var bestAvailable = int.MaxValue;
        var bestRank = int.MaxValue;
        for (var i = 0; i < _openCount; i++)
        {
            var slot = _open[i];
            var available = _typeAvailable[_slotType[slot]];
            if (available < bestAvailable || (available == bestAvailable && _slotRank[slot] < bestRank))
            {
                best = slot;
                bestAvailable = available;
                bestRank = _slotRank[slot];
            }
        }
        return best;
    }

    private void StartFrame(int depth, int slot)
    {
        var candidates = _typeCandidates[_slotType[slot]];
        var buffer = _frameBuffer[depth] ??= new int[_candidateCount];
        Array.Copy(candidates, buffer, candidates.Length);
        _frameSlot[depth] = slot;
        _frameLength[depth] = candidates.Length;
        _framePosition[depth] = 0;
        _frameChosen[depth] = -1;
        _frameChildAdded[depth] = false;
    }

    /// <summary>The next candidate in this place's drawn order that can take it now, or -1.</summary>
    private int NextCandidate(int depth)
    {
        var buffer = _frameBuffer[depth];
        var length = _frameLength[depth];
        var pur = _slotPur[_frameSlot[depth]];
        while (_framePosition[depth] < length)
        {
            var position = _framePosition[depth];
            var pick = position + _random.NextInt(length - position);
            (buffer[position], buffer[pick]) = (buffer[pick], buffer[position]);
            var candidate = buffer[position];
            _framePosition[depth] = position + 1;
            Steps++;
            if (CanTake(pur, candidate))
            {
                return candidate;
            }
        }
        return -1;
    }

    private bool CanTake(int pur, int candidate)
    {
        if (candidate == _purCandidate[pur] || _capacity[candidate] <= 0)
        {
            return false;
        }
        var start = pur * MaxOnReview;
        for (var i = 0; i < _onReviewCount[pur]; i++)
        {
            if (_onReview[start + i] == candidate)
            {
                return false;
            }
        }
        foreach (var excluded in _excluded[pur])
        {
            if (excluded == candidate)
            {
                return false;
            }
        }
        return true;
    }

    private void Assign(int depth, int candidate)
    {
        var slot = _frameSlot[depth];
        var pur = _slotPur[slot];
        _frameChosen[depth] = candidate;
        _slotAssigned[slot] = candidate;
        if (--_capacity[candidate] == 0)
        {
            foreach (var type in _typesOfCandidate[candidate])
            {
                _typeAvailable[type]--;
            }
        }
        _onReview[pur * MaxOnReview + _onReviewCount[pur]++] = candidate;

        var kind = _slotKind[slot];
        if (kind is KindSameRegion or KindOtherRegion)
        {
            var missing = (byte)(_instruments[_purCandidate[pur]] & ~_instruments[candidate]);
            if (missing != 0)
            {
                var child = slot + 2;
                var childKind = !_additionalKeepsSide ? KindAdditionalAny
                    : kind == KindSameRegion ? KindAdditionalSameRegion : KindAdditionalOtherRegion;
                _slotKind[child] = childKind;
                _slotMissing[child] = missing;
                _slotType[child] = TypeOf(childKind, _region[_purCandidate[pur]], missing);
                _slotChild[slot] = child;
                AddOpen(child);
                _frameChildAdded[depth] = true;
            }
        }
    }

    private void Unassign(int depth)
    {
        var slot = _frameSlot[depth];
        var pur = _slotPur[slot];
        var candidate = _frameChosen[depth];
        if (_frameChildAdded[depth])
        {
            var child = _slotChild[slot];
            RemoveOpen(child);
            _slotChild[slot] = -1;
            _slotType[child] = -1;
            _slotMissing[child] = 0;
            _frameChildAdded[depth] = false;
        }
        _onReviewCount[pur]--;
        if (_capacity[candidate]++ == 0)
        {
            foreach (var type in _typesOfCandidate[candidate])
            {
                _typeAvailable[type]++;
            }
        }
        _slotAssigned[slot] = -1;
        _frameChosen[depth] = -1;
    }

    private void AddOpen(int slot)
    {
        _openIndex[slot] = _openCount;
        _open[_openCount++] = slot;
    }

    private void RemoveOpen(int slot)
    {
        var index = _openIndex[slot];
        var last = _open[--_openCount];
        _open[index] = last;
        _openIndex[last] = index;
        _openIndex[slot] = -1;
    }

    /// <summary>The place type for a kind of place, the party under review's regions and the missing instruments.</summary>
    private int TypeOf(int kind, byte purRegion, byte missing)
    {
        var key = (kind << 12) | (purRegion << 4) | missing;
        if (_typeByKey.TryGetValue(key, out var type))
        {
            return type;
        }
        type = _typeCandidates.Count;
        var members = new List<int>();
        var available = 0;
        for (var c = 0; c < _candidateCount; c++)
        {
            if (Matches(kind, purRegion, missing, c))
            {
                members.Add(c);
                _typesOfCandidate[c].Add(type);
                if (_capacity[c] > 0)
                {
                    available++;
                }
            }
        }
        _typeByKey[key] = type;
        _typeCandidates.Add([.. members]);
        _typeAvailable.Add(available);
        _typeDeadEnds.Add(0);
        _typeSampleSlot.Add(-1);
        return type;
    }

    /// <summary>The static rules of a place: region side and instruments (not self, cap or duplicates).</summary>
    public bool Matches(int kind, byte purRegion, byte missing, int candidate)
    {
        var sameRegion = (_region[candidate] & purRegion) != 0;
        var coversMissing = (_instruments[candidate] & missing) == missing;
        return kind switch
        {
            KindSameRegion => sameRegion,
            KindOtherRegion => !sameRegion,
            KindAdditionalSameRegion => sameRegion && coversMissing,
            KindAdditionalOtherRegion => !sameRegion && coversMissing,
            _ => coversMissing,
        };
    }

    /// <summary>One party under review for the solver.</summary>
    public sealed record PurSpec(int Candidate, bool FillSameRegion, bool FillOtherRegion, int[] OnReview, int[] Excluded);

    public enum SolveOutcome
    {
        Solved,
        Impossible,
        BudgetExhausted,
    }
}
