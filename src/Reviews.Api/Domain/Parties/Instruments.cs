namespace Reviews.Api.Domain.Parties;

/// <summary>Codes and names of the instruments.</summary>
public static class Instruments
{
    public static readonly IReadOnlyList<Instrument> All = [Instrument.Untoc, Instrument.Tip, Instrument.Som, Instrument.Fir];

    public static string Code(this Instrument instrument) => instrument switch
    {
        Instrument.Untoc => "UNTOC",
        Instrument.Tip => "TIP",
        Instrument.Som => "SOM",
        Instrument.Fir => "FIR",
        _ => throw new ArgumentOutOfRangeException(nameof(instrument), instrument, null),
    };

    public static string Title(this Instrument instrument) => instrument switch
    {
        Instrument.Untoc => "the Convention",
        Instrument.Tip => "the Trafficking in Persons Protocol",
        Instrument.Som => "the Smuggling of Migrants Protocol",
        Instrument.Fir => "the Firearms Protocol",
        _ => throw new ArgumentOutOfRangeException(nameof(instrument), instrument, null),
    };

    public static bool IsProtocol(this Instrument instrument) => instrument != Instrument.Untoc;

    public static bool TryParse(string? code, out Instrument instrument)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                instrument = candidate;
                return true;
            }
        }
        instrument = default;
        return false;
    }
}
