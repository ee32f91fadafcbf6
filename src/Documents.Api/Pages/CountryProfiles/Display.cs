using System.Text.Encodings.Web;
using Documents.Api.Domain.Documents;
using Documents.Api.Domain.Languages;
using Microsoft.AspNetCore.Html;

namespace Documents.Api.Pages.CountryProfiles;

/// <summary>Small helpers the country-profile pages share.</summary>
public static class Display
{
    /// <summary>A search snippet, HTML-encoded, with the matched words (between [[ and ]]) marked.</summary>
    public static IHtmlContent Snippet(string snippet) =>
        new HtmlString(HtmlEncoder.Default.Encode(snippet).Replace("[[", "<mark>", StringComparison.Ordinal).Replace("]]", "</mark>", StringComparison.Ordinal));

    public static string Kind(DocumentKind kind) => char.ToUpperInvariant(kind.Describe()[0]) + kind.Describe()[1..];

    public static string Language(string code) => UnLanguages.Name(code);

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / (1024.0 * 1024):0.#} MB",
    };
}
