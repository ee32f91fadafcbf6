namespace Reviews.Api.Domain.Common;

/// <summary>ISO 639-1 codes and names of the six UN languages.</summary>
public static class UnLanguages
{
    public static readonly IReadOnlyList<UnLanguage> All =
        [UnLanguage.Arabic, UnLanguage.Chinese, UnLanguage.English, UnLanguage.French, UnLanguage.Russian, UnLanguage.Spanish];

    public static string Code(this UnLanguage language) => language switch
    {
        UnLanguage.Arabic => "ar",
        UnLanguage.Chinese => "zh",
        UnLanguage.English => "en",
        UnLanguage.French => "fr",
        UnLanguage.Russian => "ru",
        UnLanguage.Spanish => "es",
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Not one of the six UN languages."),
    };

    public static bool TryParse(string? code, out UnLanguage language)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                language = candidate;
                return true;
            }
        }
        language = default;
        return false;
    }
}
