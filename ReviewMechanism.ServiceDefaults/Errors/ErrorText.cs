using System.Text;

namespace ReviewMechanism.ServiceDefaults.Errors;

/// <summary>
/// Keeps error messages short whatever the caller sent. A message travels in <c>grpc-message</c> (an HTTP/2
/// header): quoting a 100 kB field whole breaks proxies and clients, so input is quoted only cut to a few dozen
/// characters. The gRPC error interceptor applies <see cref="Shorten"/> to every message and detail it sends;
/// domain code may use <see cref="Quote"/> where it names input.
/// </summary>
public static class ErrorText
{
    /// <summary>Longest run of non-space characters kept whole (longer ones are cut to <see cref="QuotedLength"/>).</summary>
    public const int LongestWord = 64;

    /// <summary>How much of an over-long value is quoted.</summary>
    public const int QuotedLength = 40;

    /// <summary>Longest message sent.</summary>
    public const int LongestMessage = 400;

    private const string Ellipsis = "...";

    /// <summary>The value as it may appear in a message: at most <see cref="QuotedLength"/> characters, then "...".</summary>
    public static string Quote(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        return value.Length <= QuotedLength ? value : value[..QuotedLength] + Ellipsis;
    }

    /// <summary>
    /// The text with every run of more than <see cref="LongestWord"/> non-space characters cut to
    /// <see cref="QuotedLength"/>, and the whole cut to <see cref="LongestMessage"/>. Returns the same instance
    /// when nothing needs cutting.
    /// </summary>
    public static string Shorten(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        if (text.Length <= LongestWord)
        {
            return text;
        }
        StringBuilder? builder = null;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                continue;
            }
            var length = i - start;
            if (length > LongestWord)
            {
                builder ??= new StringBuilder(text, 0, start, LongestMessage + 8);
                builder.Append(text, start, QuotedLength).Append(Ellipsis);
            }
            else if (builder is not null)
            {
                builder.Append(text, start, length);
            }
            if (builder is not null && i < text.Length)
            {
                builder.Append(text[i]);
            }
            if (builder is not null && builder.Length > LongestMessage)
            {
                break;
            }
            start = i + 1;
        }
        return Cut(builder?.ToString() ?? text);
    }

    /// <summary>
    /// A value sent whole however long its words (a method name, a requirement, in ErrorInfo metadata) cut to
    /// <see cref="LongestMessage"/> characters, the last three "..." when it was longer.
    /// </summary>
    public static string Cut(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        return value.Length <= LongestMessage ? value : value[..(LongestMessage - Ellipsis.Length)] + Ellipsis;
    }
}
