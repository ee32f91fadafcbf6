using System.Reflection;

namespace Nominations.Api.Data;

/// <summary>
/// The parties to the Convention shipped with the service (Data/Seed/parties.csv, a copy of the project's
/// party list): ISO3 code and name, read from the first two columns of the CSV.
/// </summary>
public static class PartySeed
{
    private const string ResourceName = "Nominations.Api.Data.Seed.parties.csv";

    public static IReadOnlyList<PartyRecord> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    public static IReadOnlyList<PartyRecord> Parse(TextReader reader)
    {
        var header = SplitCsvLine(reader.ReadLine() ?? throw new InvalidDataException("The party list is empty."));
        var iso3 = Array.IndexOf(header, "iso3");
        var name = Array.IndexOf(header, "name");
        if (iso3 < 0 || name < 0)
        {
            throw new InvalidDataException("The party list needs the columns iso3 and name.");
        }
        var parties = new List<PartyRecord>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }
            var fields = SplitCsvLine(line);
            var code = fields.ElementAtOrDefault(iso3)?.Trim() ?? "";
            if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
            {
                throw new InvalidDataException($"Line {lineNumber} of the party list has no ISO3 code: \"{line}\".");
            }
            parties.Add(new PartyRecord { Iso3 = code, Name = fields.ElementAtOrDefault(name)?.Trim() ?? code });
        }
        return parties;
    }

    /// <summary>Splits one CSV line (RFC 4180 quoting: "a, b" and doubled quotes inside quotes).</summary>
    private static string[] SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString());
        return fields.ToArray();
    }
}
