using System.Text;

namespace Engagement.Api.Application;

/// <summary>
/// RFC 4180 rows. A cell a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) gets
/// a leading apostrophe, so an applicant's text cannot execute in the secretariat's spreadsheet.
/// </summary>
public static class Csv
{
    public static void Row(StringBuilder csv, params string?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }
            csv.Append(Cell(cells[i] ?? ""));
        }
        csv.Append("\r\n");
    }

    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
