using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Parties;

namespace Reviews.Tests.Support;

/// <summary>Small synthetic candidate lists for rule tests.</summary>
public static class Draws
{
    public static readonly DateOnly AsOf = new(2022, 1, 1);

    public static DrawCandidate C(string iso3, RegionalGroup group, params Instrument[] protocols) =>
        new(iso3, group, InstrumentSet.Of([Instrument.Untoc, .. protocols]));

    public static PairingInputs Inputs(IEnumerable<DrawCandidate> candidates, IEnumerable<string> underReview, DrawingOfLotsOptions? options = null) =>
        new(AsOf, candidates.OrderBy(c => c.Iso3, StringComparer.Ordinal).ToList(), underReview.Order(StringComparer.Ordinal).ToList(), [], null,
            DrawRules.From(options ?? new DrawingOfLotsOptions()));

    public static RegionalGroup A => RegionalGroup.African;

    public static RegionalGroup W => RegionalGroup.WesternEuropeanAndOthers;

    public static RegionalGroup E => RegionalGroup.EasternEuropean;

    public static RegionalGroup G => RegionalGroup.LatinAmericanAndCaribbean;
}
