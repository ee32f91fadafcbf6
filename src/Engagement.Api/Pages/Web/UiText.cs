using System.Globalization;

namespace Engagement.Api.Pages.Web;

/// <summary>The pages' words in English and French (the language of the request's culture): <c>@T["Apply"]</c>.</summary>
public sealed class UiText
{
    public static readonly IReadOnlyList<string> Languages = ["en", "fr"];

    public string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? "fr" : "en";

    public string this[string key] => Language == "fr" && UiTexts.French.TryGetValue(key, out var fr) ? fr
        : UiTexts.English.TryGetValue(key, out var en) ? en : key;

    public string Format(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, this[key], args);

    /// <summary>The message for a refused field: the domain's (English) words, or the field's French hint.</summary>
    public string FieldMessage(string field, string englishMessage) =>
        Language == "fr" && UiTexts.French.TryGetValue("error." + field, out var fr) ? fr : englishMessage;
}
