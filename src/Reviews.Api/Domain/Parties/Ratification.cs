namespace Reviews.Api.Domain.Parties;

/// <summary>
/// A party's ratification of (or accession to, approval of) one instrument. <see cref="Date"/> is null when the
/// date is <see cref="DatePrecision.NotRecorded"/>.
/// </summary>
public sealed record Ratification(Instrument Instrument, DateOnly? Date, DatePrecision Precision, string? Source)
{
    /// <summary>The first day on which the party counts as party to the instrument.</summary>
    public DateOnly EffectiveFrom => Precision switch
    {
        DatePrecision.NotRecorded => DateOnly.MinValue,
        DatePrecision.Day => Date!.Value,
        DatePrecision.Month => new DateOnly(Date!.Value.Year, Date.Value.Month, DateTime.DaysInMonth(Date.Value.Year, Date.Value.Month)),
        DatePrecision.Year => new DateOnly(Date!.Value.Year, 12, 31),
        _ => throw new InvalidOperationException($"Unknown date precision {Precision}."),
    };

    public bool InForceOn(DateOnly date) => EffectiveFrom <= date;

    public override string ToString() => Precision switch
    {
        DatePrecision.NotRecorded => $"{Instrument.Code()} (date not recorded)",
        DatePrecision.Day => $"{Instrument.Code()} {Date:yyyy-MM-dd}",
        DatePrecision.Month => $"{Instrument.Code()} {Date:yyyy-MM}",
        _ => $"{Instrument.Code()} {Date:yyyy}",
    };
}
