using Reviews.Api.Domain.Parties;

namespace Reviews.Api.Domain.Drawing;

/// <summary>A party as the draw saw it: its group and the instruments it was party to on the draw's date.</summary>
public sealed record DrawCandidate(string Iso3, RegionalGroup Group, InstrumentSet Instruments);
