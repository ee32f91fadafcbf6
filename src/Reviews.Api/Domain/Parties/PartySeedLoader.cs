using System.Globalization;
using ReviewMechanism.Parties;
using Reviews.Api.Domain.Common;

namespace Reviews.Api.Domain.Parties;

/// <summary>
/// Reads the mechanism's party list (<see cref="PartyFiles"/>: parties.csv, a snapshot of mid-2023 with 0/1 flags per
/// instrument, and ratification-dates.csv, the dates the sources give) into the Reviews domain's parties. A flagged instrument without a known date gets
/// <see cref="DatePrecision.NotRecorded"/>. DOUBTFUL notes are kept on the party as data.
/// </summary>
public static class PartySeedLoader
{
    private static readonly string[] PartiesHeader = ["iso3", "name", "un_regional_group", "untoc", "tip", "som", "fir", "notes"];
    private static readonly string[] DatesHeader = ["iso3", "instrument", "date", "precision", "source"];

    /// <summary>The date of the data file's snapshot (parties as of mid-2023, see parties-SOURCES.md).</summary>
    public static readonly DateTimeOffset SnapshotDate = PartyFiles.SnapshotDate;

    /// <summary>The mechanism's party list, recorded as of the snapshot date.</summary>
    public static IReadOnlyList<Party> LoadEmbedded()
    {
        using var parties = PartyFiles.OpenParties();
        using var dates = PartyFiles.OpenRatificationDates();
        return Load(parties, dates, SnapshotDate, "seed:parties.csv");
    }

    public static IReadOnlyList<Party> Load(TextReader partiesCsv, TextReader? datesCsv, DateTimeOffset recordedAt, string recordedBy)
    {
        var dates = datesCsv is null ? [] : ReadDates(datesCsv);
        var rows = Csv.Read(partiesCsv).ToList();
        if (rows.Count == 0 || !rows[0].SequenceEqual(PartiesHeader))
        {
            throw new FormatException($"parties.csv must start with the header '{string.Join(',', PartiesHeader)}'.");
        }
        var parties = new List<Party>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < rows.Count; i++)
        {
            var row = rows[i];
            var line = i + 1;
            if (row.Count != PartiesHeader.Length)
            {
                throw new FormatException($"parties.csv line {line}: {row.Count} fields, expected {PartiesHeader.Length}.");
            }
            var iso3 = row[0];
            if (!Common.Iso3.IsValid(iso3) || !seen.Add(iso3))
            {
                throw new FormatException($"parties.csv line {line}: '{iso3}' is not a valid, unique ISO3 code.");
            }
            if (!RegionalGroups.TryParse(row[2], out var group))
            {
                throw new FormatException($"parties.csv line {line}: unknown regional group '{row[2]}'.");
            }
            var notes = row[7];
            var party = Party.Create(
                iso3,
                row[1],
                group,
                RatificationFor(iso3, Instrument.Untoc, Flag(row[3], line), dates, line),
                recordedAt,
                recordedBy,
                notes);
            var protocolColumns = new[] { (Instrument.Tip, row[4]), (Instrument.Som, row[5]), (Instrument.Fir, row[6]) };
            foreach (var (instrument, flag) in protocolColumns)
            {
                if (Flag(flag, line))
                {
                    party.RecordRatification(RatificationFor(iso3, instrument, true, dates, line), recordedAt);
                }
                else if (dates.ContainsKey((iso3, instrument)))
                {
                    throw new FormatException($"ratification-dates.csv dates {iso3} {instrument.Code()}, which parties.csv line {line} flags 0.");
                }
            }
            party.MarkDoubtful(ParseDoubtful(notes, line));
            parties.Add(party);
        }
        var unused = dates.Keys.Where(k => !seen.Contains(k.Iso3)).ToList();
        if (unused.Count > 0)
        {
            throw new FormatException($"ratification-dates.csv names parties absent from parties.csv: {string.Join(", ", unused.Select(u => u.Iso3))}.");
        }
        return parties;
    }

    /// <summary>The instruments named after "DOUBTFUL:" in a note (e.g. <c>DOUBTFUL: tip/som</c>).</summary>
    public static InstrumentSet ParseDoubtful(string? notes, int line = 0)
    {
        if (string.IsNullOrEmpty(notes))
        {
            return InstrumentSet.Empty;
        }
        var index = notes.IndexOf("DOUBTFUL:", StringComparison.Ordinal);
        if (index < 0)
        {
            return InstrumentSet.Empty;
        }
        var rest = notes[(index + "DOUBTFUL:".Length)..];
        var end = rest.IndexOfAny([';', '.']);
        var list = (end < 0 ? rest : rest[..end]).Trim();
        try
        {
            return InstrumentSet.Parse(list);
        }
        catch (FormatException e)
        {
            throw new FormatException($"parties.csv line {line}: {e.Message}", e);
        }
    }

    private static Ratification RatificationFor(
        string iso3, Instrument instrument, bool flagged, Dictionary<(string Iso3, Instrument Instrument), Ratification> dates, int line)
    {
        if (!flagged)
        {
            throw new FormatException($"parties.csv line {line}: {iso3} must be party to UNTOC (untoc = 1).");
        }
        return dates.TryGetValue((iso3, instrument), out var dated) ? dated : new Ratification(instrument, null, DatePrecision.NotRecorded, null);
    }

    private static bool Flag(string value, int line) => value switch
    {
        "1" => true,
        "0" => false,
        _ => throw new FormatException($"parties.csv line {line}: instrument flags are 0 or 1, not '{value}'."),
    };

    private static Dictionary<(string Iso3, Instrument Instrument), Ratification> ReadDates(TextReader csv)
    {
        var rows = Csv.Read(csv).ToList();
        if (rows.Count == 0 || !rows[0].SequenceEqual(DatesHeader))
        {
            throw new FormatException($"ratification-dates.csv must start with the header '{string.Join(',', DatesHeader)}'.");
        }
        var result = new Dictionary<(string, Instrument), Ratification>();
        for (var i = 1; i < rows.Count; i++)
        {
            var row = rows[i];
            var line = i + 1;
            if (row.Count != DatesHeader.Length || !Instruments.TryParse(row[1], out var instrument)
                || !Enum.TryParse<DatePrecision>(row[3], ignoreCase: false, out var precision) || precision == DatePrecision.NotRecorded)
            {
                throw new FormatException($"ratification-dates.csv line {line}: expected iso3,instrument,date,Day|Month|Year,source.");
            }
            var format = precision switch { DatePrecision.Day => "yyyy-MM-dd", DatePrecision.Month => "yyyy-MM", _ => "yyyy" };
            if (!DateTime.TryParseExact(row[2], format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new FormatException($"ratification-dates.csv line {line}: '{row[2]}' is not a date of the form {format}.");
            }
            if (!result.TryAdd((row[0], instrument), new Ratification(instrument, DateOnly.FromDateTime(date), precision, row[4])))
            {
                throw new FormatException($"ratification-dates.csv line {line}: {row[0]} {instrument.Code()} is dated twice.");
            }
        }
        return result;
    }
}
