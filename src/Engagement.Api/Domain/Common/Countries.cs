using System.Collections.Frozen;
using System.Globalization;

namespace Engagement.Api.Domain.Common;

/// <summary>
/// ISO 3166-1 alpha-3 codes of the countries an organization may be based in, with their names in English and
/// French, read from the ICU data .NET ships with (every region of a specific culture).
/// </summary>
public static class Countries
{
    private static readonly Lazy<FrozenDictionary<string, Country>> All = new(Load);

    public static IReadOnlyCollection<Country> List => All.Value.Values;

    public static bool IsKnown(string? iso3) => iso3 is not null && All.Value.ContainsKey(iso3);

    public static Country? Find(string iso3) => All.Value.GetValueOrDefault(iso3);

    private static FrozenDictionary<string, Country> Load()
    {
        var french = CultureInfo.GetCultureInfo("fr");
        var countries = new Dictionary<string, Country>(StringComparer.Ordinal);
        // Plain "language-REGION" cultures first: their display name is "langue (Pays)".
        var cultures = CultureInfo.GetCultures(CultureTypes.SpecificCultures).OrderBy(c => c.Name.Count(ch => ch == '-')).ThenBy(c => c.Name, StringComparer.Ordinal);
        foreach (var culture in cultures)
        {
            RegionInfo region;
            try
            {
                region = new RegionInfo(culture.Name);
            }
            catch (ArgumentException)
            {
                continue;
            }
            var iso3 = region.ThreeLetterISORegionName;
            if (iso3.Length != 3 || !iso3.All(char.IsAsciiLetterUpper) || countries.ContainsKey(iso3) || region.TwoLetterISORegionName.Length != 2)
            {
                continue;
            }
            countries[iso3] = new Country(iso3, region.EnglishName, FrenchName(culture.Name, french) ?? region.EnglishName);
        }
        return countries.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>ICU names a culture in the UI language as "langue (Pays)": the part in parentheses is the country in French.</summary>
    private static string? FrenchName(string cultureName, CultureInfo french)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = french;
            var display = CultureInfo.GetCultureInfo(cultureName).DisplayName;
            var open = display.IndexOf('(');
            var close = display.LastIndexOf(')');
            return open >= 0 && close > open + 1 ? display[(open + 1)..close] : null;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}

public sealed record Country(string Iso3, string EnglishName, string FrenchName)
{
    public string NameIn(string language) => language == "fr" ? FrenchName : EnglishName;
}
