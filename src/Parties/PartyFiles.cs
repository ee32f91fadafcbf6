namespace ReviewMechanism.Parties;

/// <summary>
/// The party list shipped with the mechanism (Data/README.md): <c>parties.csv</c> (a snapshot of mid-2023, 0/1 flags
/// per instrument, the regional group) and <c>ratification-dates.csv</c> (the dates the sources give). Each service
/// reads what it needs of them with <see cref="Csv"/>.
/// </summary>
public static class PartyFiles
{
    /// <summary>The date of the snapshot (parties as of mid-2023, see Data/parties-SOURCES.md).</summary>
    public static readonly DateTimeOffset SnapshotDate = new(2023, 6, 30, 0, 0, 0, TimeSpan.Zero);

    public static TextReader OpenParties() => Open("ReviewMechanism.Parties.parties.csv");

    public static TextReader OpenRatificationDates() => Open("ReviewMechanism.Parties.ratification-dates.csv");

    private static StreamReader Open(string name) =>
        new(typeof(PartyFiles).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Embedded resource {name} is missing."));
}
