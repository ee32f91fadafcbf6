using System.Text.Json.Serialization;

namespace Reviews.Api.Domain.Parties;

/// <summary>A set of instruments as a 4-bit mask (UNTOC, TIP, SOM, FIR), cheap enough for the drawing of lots.</summary>
[JsonConverter(typeof(InstrumentSetJsonConverter))]
public readonly record struct InstrumentSet(byte Mask)
{
    public static readonly InstrumentSet Empty = new(0);

    public static readonly InstrumentSet Everything = new(0b1111);

    public bool IsEmpty => Mask == 0;

    public int Count => System.Numerics.BitOperations.PopCount(Mask);

    public static InstrumentSet Of(params Instrument[] instruments) => Of((IEnumerable<Instrument>)instruments);

    public static InstrumentSet Of(IEnumerable<Instrument> instruments)
    {
        byte mask = 0;
        foreach (var instrument in instruments)
        {
            mask |= (byte)(1 << (int)instrument);
        }
        return new InstrumentSet(mask);
    }

    public bool Contains(Instrument instrument) => (Mask & (1 << (int)instrument)) != 0;

    public bool IsSupersetOf(InstrumentSet other) => (Mask & other.Mask) == other.Mask;

    public InstrumentSet Add(Instrument instrument) => new((byte)(Mask | (1 << (int)instrument)));

    /// <summary>The instruments of this set that <paramref name="other"/> lacks.</summary>
    public InstrumentSet Except(InstrumentSet other) => new((byte)(Mask & ~other.Mask));

    public IEnumerable<Instrument> Items()
    {
        foreach (var instrument in Instruments.All)
        {
            if (Contains(instrument))
            {
                yield return instrument;
            }
        }
    }

    /// <summary>Codes joined by '/', as in the data file's notes: <c>TIP/SOM</c>; empty for no instrument.</summary>
    public override string ToString() => string.Join('/', Items().Select(i => i.Code()));

    /// <summary>Parses <c>TIP/SOM</c>, <c>tip,som</c> or <c>TIP SOM</c>.</summary>
    public static InstrumentSet Parse(string? text)
    {
        var set = Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return set;
        }
        foreach (var part in text.Split(['/', ',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Instruments.TryParse(part, out var instrument))
            {
                throw new FormatException($"'{part}' is not an instrument code (UNTOC, TIP, SOM, FIR).");
            }
            set = set.Add(instrument);
        }
        return set;
    }
}
