using System.Text;

namespace ReviewMechanism.Parties;

/// <summary>A minimal RFC 4180 reader (quoted fields, doubled quotes, commas and line breaks inside quotes).</summary>
public static class Csv
{
    public static IEnumerable<List<string>> Read(TextReader reader)
    {
        var field = new StringBuilder();
        var row = new List<string>();
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            any = true;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    yield return row;
                    row = [];
                    any = false;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }
        if (quoted)
        {
            throw new FormatException("The CSV ends inside a quoted field.");
        }
        if (any)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }
}
