using System.Runtime.CompilerServices;

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
    private readonly CandidatePool _pool;
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
    private readonly int[] _slotChild;
    private readonly int[] _nextOpenOfType;
    private int _openCount;

    private readonly Dictionary<int, int> _typeByKey = [];
    private int _typeCount;
    private int[][] _typeCandidates = new int[16][];
    private int[] _typeAvailable = new int[16];
    private int[] _typeDeadEnds = new int[16];
    private int[] _typeSampleSlot = new int[16];
    private int[] _typeOpenHead = new int[16];
    private ulong[][] _typeMembers = new ulong[16][];

    private readonly int[] _frameSlot;
    private readonly int _words;
    private readonly ulong[] _frameTried;
    private readonly int[] _frameTriedCount;
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
        _pool = CandidatePool.For(region, instruments);
        _candidateCount = region.Length;
        _region = _pool.Region;
        _instruments = _pool.Instruments;
        _capacity = (int[])capacity.Clone();
        _additionalKeepsSide = additionalKeepsSide;
        _maxSteps = maxSteps;
        _random = random;
        _words = (_candidateCount + 63) / 64;

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
        _slotChild = new int[slotCapacity];
        _nextOpenOfType = new int[slotCapacity];
        Array.Fill(_slotAssigned, -1);
        Array.Fill(_slotChild, -1);
        Array.Fill(_nextOpenOfType, -1);
        Array.Fill(_slotType, -1);

        // The order in which parties under review win ties is itself drawn, so no party is favoured by its name.
        var order = Enumerable.Range(0, purCount).ToArray();
        random.Shuffle(order);

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
        }

        // Open places are kept in one stack per place type; pushed in reverse drawn order so the first drawn is on top.
        for (var r = purCount - 1; r >= 0; r--)
        {
            var p = order[r];
            var spec = purs[p];
            for (var k = 1; k >= 0; k--)
            {
                var slot = p * 4 + k;
                _slotPur[slot] = p;
                _slotKind[slot] = k;
                _slotPur[slot + 2] = p;
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
        _frameTried = new ulong[depthCapacity * _words];
        _frameTriedCount = new int[depthCapacity];
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        for (var t = 0; t < _typeCount; t++)
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

    /// <summary>
    /// The place with the fewest parties still able to take it: the top of the stack of the place type with the
    /// fewest available candidates (ties: the type created first).
    /// </summary>
    private int MostConstrainedOpenSlot()
    {
        var bestType = -1;
        var bestAvailable = int.MaxValue;
        for (var type = 0; type < _typeCount; type++)
        {
            if (_typeOpenHead[type] >= 0 && _typeAvailable[type] < bestAvailable)
            {
                bestType = type;
                bestAvailable = _typeAvailable[type];
            }
        }
        return _typeOpenHead[bestType];
    }

    private void StartFrame(int depth, int slot)
    {
        Array.Clear(_frameTried, depth * _words, _words);
        _frameTriedCount[depth] = 0;
        _frameSlot[depth] = slot;
        _frameChosen[depth] = -1;
        _frameChildAdded[depth] = false;
    }

    /// <summary>
    /// The next candidate in this place's drawn order that can take it now, or -1. The order is a uniformly random
    /// permutation of the place's candidates, drawn lazily: each pick is uniform among those not tried yet
    /// (a bit set per frame marks the tried positions, so nothing is copied).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int NextCandidate(int depth)
    {
        var candidates = _typeCandidates[_slotType[_frameSlot[depth]]];
        var length = candidates.Length;
        var pur = _slotPur[_frameSlot[depth]];
        var tried = _frameTried.AsSpan(depth * _words, _words);
        while (_frameTriedCount[depth] < length)
        {
            var position = NthUntried(tried, length, _random.NextInt(length - _frameTriedCount[depth]));
            tried[position >> 6] |= 1UL << (position & 63);
            _frameTriedCount[depth]++;
            Steps++;
            var candidate = candidates[position];
            if (CanTake(pur, candidate))
            {
                return candidate;
            }
        }
        return -1;
    }

    /// <summary>The position of the <paramref name="n"/>-th (0-based) clear bit among the first <paramref name="length"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int NthUntried(Span<ulong> tried, int length, int n)
    {
        for (var word = 0; ; word++)
        {
            var bitsInWord = Math.Min(64, length - word * 64);
            var valid = bitsInWord == 64 ? ulong.MaxValue : (1UL << bitsInWord) - 1;
            var free = ~tried[word] & valid;
            var count = System.Numerics.BitOperations.PopCount(free);
            if (n < count)
            {
                for (var i = 0; i < n; i++)
                {
                    free &= free - 1;
                }
                return word * 64 + System.Numerics.BitOperations.TrailingZeroCount(free);
            }
            n -= count;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Assign(int depth, int candidate)
    {
        var slot = _frameSlot[depth];
        var pur = _slotPur[slot];
        _frameChosen[depth] = candidate;
        _slotAssigned[slot] = candidate;
        if (--_capacity[candidate] == 0)
        {
            UpdateAvailability(candidate, -1);
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
            UpdateAvailability(candidate, +1);
        }
        _slotAssigned[slot] = -1;
        _frameChosen[depth] = -1;
    }

    private void UpdateAvailability(int candidate, int change)
    {
        var word = candidate >> 6;
        var bit = 1UL << (candidate & 63);
        for (var type = 0; type < _typeCount; type++)
        {
            if ((_typeMembers[type][word] & bit) != 0)
            {
                _typeAvailable[type] += change;
            }
        }
    }

    private void AddOpen(int slot)
    {
        var type = _slotType[slot];
        _nextOpenOfType[slot] = _typeOpenHead[type];
        _typeOpenHead[type] = slot;
        _openCount++;
    }

    /// <summary>
    /// Removes a place from its type's stack. The search undoes its steps in reverse order, so the place removed is
    /// always on top (checked: anything else is a bug).
    /// </summary>
    private void RemoveOpen(int slot)
    {
        var type = _slotType[slot];
        if (_typeOpenHead[type] != slot)
        {
            throw new InvalidOperationException("Open places were not restored in reverse order.");
        }
        _typeOpenHead[type] = _nextOpenOfType[slot];
        _nextOpenOfType[slot] = -1;
        _openCount--;
    }

    /// <summary>The place type for a kind of place, the party under review's regions and the missing instruments.</summary>
    private int TypeOf(int kind, byte purRegion, byte missing)
    {
        var key = (kind << 12) | (purRegion << 4) | missing;
        if (_typeByKey.TryGetValue(key, out var type))
        {
            return type;
        }
        type = _typeCount++;
        if (type == _typeAvailable.Length)
        {
            var size = type * 2;
            Array.Resize(ref _typeCandidates, size);
            Array.Resize(ref _typeAvailable, size);
            Array.Resize(ref _typeDeadEnds, size);
            Array.Resize(ref _typeSampleSlot, size);
            Array.Resize(ref _typeMembers, size);
            Array.Resize(ref _typeOpenHead, size);
        }
        var placeType = _pool.TypeFor(kind, purRegion, missing);
        var available = 0;
        foreach (var c in placeType.Members)
        {
            if (_capacity[c] > 0)
            {
                available++;
            }
        }
        _typeByKey[key] = type;
        _typeCandidates[type] = placeType.Members;
        _typeMembers[type] = placeType.Bits;
        _typeAvailable[type] = available;
        _typeDeadEnds[type] = 0;
        _typeSampleSlot[type] = -1;
        _typeOpenHead[type] = -1;
        return type;
    }

    /// <summary>The static rules of a place: region side and instruments (not self, cap or duplicates).</summary>
    public bool Matches(int kind, byte purRegion, byte missing, int candidate) => _pool.Matches(kind, purRegion, missing, candidate);

    /// <summary>One party under review for the solver.</summary>
    public sealed record PurSpec(int Candidate, bool FillSameRegion, bool FillOtherRegion, int[] OnReview, int[] Excluded);

    public enum SolveOutcome
    {
        Solved,
        Impossible,
        BudgetExhausted,
    }
}
