using ReviewMechanism.Parties;

namespace Nominations.Api.Data;

/// <summary>
/// The parties to the Convention from the mechanism's party list (<see cref="PartyFiles"/>): ISO3 code and name.
/// </summary>
public static class PartySeed
{
    public static IReadOnlyList<PartyRecord> Load()
    {
        using var reader = PartyFiles.OpenParties();
        return Parse(reader);
    }

    public static IReadOnlyList<PartyRecord> Parse(TextReader reader)
    {
        using var rows = Csv.Read(reader).GetEnumerator();
        var header = rows.MoveNext() ? rows.Current : throw new InvalidDataException("The party list is empty.");
        var iso3 = header.IndexOf("iso3");
        var name = header.IndexOf("name");
        if (iso3 < 0 || name < 0)
        {
            throw new InvalidDataException("The party list needs the columns iso3 and name.");
        }
        var parties = new List<PartyRecord>();
        var lineNumber = 1;
        while (rows.MoveNext())
        {
            lineNumber++;
            var fields = rows.Current;
            if (fields.All(f => f.Trim().Length == 0))
            {
                continue;
            }
            var code = fields.ElementAtOrDefault(iso3)?.Trim() ?? "";
            if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
            {
                throw new InvalidDataException($"Line {lineNumber} of the party list has no ISO3 code: \"{string.Join(',', fields)}\".");
            }
            parties.Add(new PartyRecord { Iso3 = code, Name = fields.ElementAtOrDefault(name)?.Trim() ?? code });
        }
        return parties;
    }
}
