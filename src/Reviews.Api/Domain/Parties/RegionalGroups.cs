namespace Reviews.Api.Domain.Parties;

/// <summary>The data file's codes and readable names of the regional groups.</summary>
public static class RegionalGroups
{
    public static readonly IReadOnlyList<RegionalGroup> All =
    [
        RegionalGroup.None, RegionalGroup.African, RegionalGroup.AsiaPacific, RegionalGroup.EasternEuropean,
        RegionalGroup.LatinAmericanAndCaribbean, RegionalGroup.WesternEuropeanAndOthers,
    ];

    public static string Code(this RegionalGroup group) => group switch
    {
        RegionalGroup.None => "NONE",
        RegionalGroup.African => "AFRICAN",
        RegionalGroup.AsiaPacific => "ASIA_PACIFIC",
        RegionalGroup.EasternEuropean => "EASTERN_EUROPEAN",
        RegionalGroup.LatinAmericanAndCaribbean => "GRULAC",
        RegionalGroup.WesternEuropeanAndOthers => "WEOG",
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };

    public static string DisplayName(this RegionalGroup group) => group switch
    {
        RegionalGroup.None => "no regional group",
        RegionalGroup.African => "the African Group",
        RegionalGroup.AsiaPacific => "the Asia-Pacific Group",
        RegionalGroup.EasternEuropean => "the Eastern European Group",
        RegionalGroup.LatinAmericanAndCaribbean => "the Latin American and Caribbean Group",
        RegionalGroup.WesternEuropeanAndOthers => "the Western European and Others Group",
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };

    public static bool TryParse(string? code, out RegionalGroup group)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                group = candidate;
                return true;
            }
        }
        group = default;
        return false;
    }
}
