using ReviewMechanism.ServiceDefaults.Errors;

namespace Documents.Api.Domain.Languages;

/// <summary>The six UN languages a document is written in (ISO 639-1), and the full-text search dictionary of each.</summary>
public static class UnLanguages
{
    private static readonly Dictionary<string, (string Name, string SearchConfiguration)> Known = new(StringComparer.Ordinal)
    {
        ["ar"] = ("Arabic", "arabic"),
        ["zh"] = ("Chinese", "simple"),
        ["en"] = ("English", "english"),
        ["fr"] = ("French", "french"),
        ["ru"] = ("Russian", "russian"),
        ["es"] = ("Spanish", "spanish"),
    };

    public static IReadOnlyCollection<string> Codes => Known.Keys;

    /// <summary>The code, lower case, or INVALID_ARGUMENT naming the six.</summary>
    public static string Validate(string? code, string field = "language")
    {
        var normalized = (code ?? "").Trim().ToLowerInvariant();
        if (!Known.ContainsKey(normalized))
        {
            throw DomainException.Invalid(field, $"'{Cut(code)}' is not one of the six UN languages: ar, zh, en, fr, ru, es.");
        }
        return normalized;
    }

    public static string Name(string code) => Known.TryGetValue(code, out var l) ? l.Name : code;

    /// <summary>The PostgreSQL text search configuration for texts in that language (Chinese: no stemming, "simple").</summary>
    public static string SearchConfiguration(string code) => Known.TryGetValue(code, out var l) ? l.SearchConfiguration : "simple";

    private static string Cut(string? s) => s is null ? "" : s.Length > 20 ? s[..20] + "…" : s;
}
