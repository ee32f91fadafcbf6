using System.Net;
using System.Text.RegularExpressions;

namespace Engagement.Tests.Support;

/// <summary>Reading the server-rendered pages like a browser without JavaScript: hidden fields, input values, forms.</summary>
public static partial class Html
{
    public static string Input(string html, string name)
    {
        var match = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*>");
        Assert.True(match.Success, $"No input named {name}.");
        var value = Regex.Match(match.Value, "value=\"([^\"]*)\"");
        return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : "";
    }

    public static string AntiforgeryToken(string html) => Input(html, "__RequestVerificationToken");

    public static string? ErrorOf(string html, string field)
    {
        var match = Regex.Match(html, $"<p class=\"error\" id=\"{Regex.Escape(field)}-error\">(.*?)</p>", RegexOptions.Singleline);
        return match.Success ? WebUtility.HtmlDecode(TagsOut().Replace(match.Groups[1].Value, "")) : null;
    }

    public static string Text(string html, string id)
    {
        var match = Regex.Match(html, $"id=\"{Regex.Escape(id)}\"[^>]*>(.*?)<", RegexOptions.Singleline);
        Assert.True(match.Success, $"No element with id {id}.");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagsOut();
}
