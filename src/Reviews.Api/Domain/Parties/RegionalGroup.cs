namespace Reviews.Api.Domain.Parties;

/// <summary>
/// The UN regional group a party is counted in for the drawing of lots. <see cref="None"/> is an explicit
/// assignment (the European Union); how such a party meets the same-region rule is configured in
/// <see cref="Drawing.RegionalAffinityOptions"/>.
/// </summary>
public enum RegionalGroup
{
    None = 0,
    African = 1,
    AsiaPacific = 2,
    EasternEuropean = 3,
    LatinAmericanAndCaribbean = 4,
    WesternEuropeanAndOthers = 5,
}
