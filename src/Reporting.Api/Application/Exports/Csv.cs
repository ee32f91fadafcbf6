using System.Globalization;
using System.Text;

namespace Reporting.Api.Application.Exports;

/// <summary>RFC 4180 text: comma-separated, CRLF line ends, fields with a comma, quote or line break quoted.</summary>
public static class Csv
{
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows)
        {
            Line(text, [.. row.Select(Field)]);
        }
        return text.ToString();
    }

    private static string Field(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static void Line(StringBuilder text, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }
            var field = fields[i];
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(field);
            }
        }
        text.Append("\r\n");
    }
}
