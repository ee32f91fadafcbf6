using Reviews.Api.Domain.Parties;

namespace Reviews.Api.Domain.Drawing;

/// <summary>
/// How a party in no regional group (the European Union) takes part in the regional rule of the drawing of lots
/// (configurable: the Procedures and Rules do not say). Such a party is counted in the groups listed here:
/// its same-region reviewer is drawn among parties of any of those groups, its other-region reviewer among
/// parties of none of them; and as a reviewer it is "same region" for a party of any of those groups.
/// Default: the EU counts in the groups of most of its member States, WEOG and Eastern European.
/// A party in no group and absent from this map cannot be drawn for (the draw fails naming the rule).
/// </summary>
public sealed class RegionalAffinityOptions
{
    public Dictionary<string, RegionalGroup[]> UnaffiliatedParties { get; set; } = new(StringComparer.Ordinal)
    {
        ["EUU"] = [RegionalGroup.WesternEuropeanAndOthers, RegionalGroup.EasternEuropean],
    };
}
