namespace Reporting.Api.Domain.Figures;

/// <summary>The six working languages of the Mechanism (ISO 639-1 codes, as the events carry them) in words.</summary>
public static class LanguageNames
{
    /// <summary>In the order the UN lists them (and the charts show them).</summary>
    public static readonly IReadOnlyList<string> Codes = ["ar", "zh", "en", "fr", "ru", "es"];

    public static string Name(string code) => code switch
    {
        "ar" => "Arabic",
        "zh" => "Chinese",
        "en" => "English",
        "fr" => "French",
        "ru" => "Russian",
        "es" => "Spanish",
        "pt" => "Portuguese",
        _ => code,
    };

    /// <summary>Codes sorted alphabetically by name, as the background paper writes combinations ("Arabic and English").</summary>
    public static IReadOnlyList<string> Sorted(IEnumerable<string> codes) => [.. codes.Distinct().OrderBy(Name, StringComparer.Ordinal)];

    /// <summary>"English", "English and French", "Arabic, English and French".</summary>
    public static string Label(IReadOnlyList<string> codes) => codes.Count switch
    {
        0 => "To be confirmed",
        1 => Name(codes[0]),
        _ => string.Join(", ", codes.Take(codes.Count - 1).Select(Name)) + " and " + Name(codes[^1]),
    };
}
