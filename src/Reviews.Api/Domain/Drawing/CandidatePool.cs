using System.Collections.Concurrent;

namespace Reviews.Api.Domain.Drawing;

/// <summary>
/// The candidates of a draw as bit masks, with the candidates each kind of place admits, computed once and shared
/// (read-only) by every draw over the same candidates: a session of draws, their replays, the 10,000-seed test.
/// </summary>
internal sealed class CandidatePool
{
    private const int MaxCachedPools = 32;

    private static readonly ConcurrentDictionary<string, CandidatePool> Cache = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<int, PlaceType> _types = new();

    private CandidatePool(byte[] region, byte[] instruments)
    {
        Region = region;
        Instruments = instruments;
        Words = (region.Length + 63) / 64;
    }

    public byte[] Region { get; }

    public byte[] Instruments { get; }

    public int Count => Region.Length;

    public int Words { get; }

    public static CandidatePool For(byte[] region, byte[] instruments)
    {
        var key = Convert.ToBase64String(region) + "|" + Convert.ToBase64String(instruments);
        if (Cache.TryGetValue(key, out var pool))
        {
            return pool;
        }
        if (Cache.Count >= MaxCachedPools)
        {
            Cache.Clear();
        }
        return Cache.GetOrAdd(key, _ => new CandidatePool((byte[])region.Clone(), (byte[])instruments.Clone()));
    }

    /// <summary>The candidates a kind of place admits for a party under review of the given regions.</summary>
    public PlaceType TypeFor(int kind, byte purRegion, byte missing) =>
        _types.GetOrAdd((kind << 12) | (purRegion << 4) | missing, _ => Build(kind, purRegion, missing));

    /// <summary>The static rules of a place: region side and instruments (not self, cap or duplicates).</summary>
    public bool Matches(int kind, byte purRegion, byte missing, int candidate)
    {
        var sameRegion = (Region[candidate] & purRegion) != 0;
        var coversMissing = (Instruments[candidate] & missing) == missing;
        return kind switch
        {
            PairingSolver.KindSameRegion => sameRegion,
            PairingSolver.KindOtherRegion => !sameRegion,
            PairingSolver.KindAdditionalSameRegion => sameRegion && coversMissing,
            PairingSolver.KindAdditionalOtherRegion => !sameRegion && coversMissing,
            _ => coversMissing,
        };
    }

    private PlaceType Build(int kind, byte purRegion, byte missing)
    {
        var members = new List<int>();
        var bits = new ulong[Words];
        for (var c = 0; c < Count; c++)
        {
            if (Matches(kind, purRegion, missing, c))
            {
                members.Add(c);
                bits[c >> 6] |= 1UL << (c & 63);
            }
        }
        return new PlaceType([.. members], bits);
    }

    /// <summary>The candidates of one kind of place, as a list and as a bit set.</summary>
    public sealed record PlaceType(int[] Members, ulong[] Bits);
}
