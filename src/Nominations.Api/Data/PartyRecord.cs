namespace Nominations.Api.Data;

/// <summary>A row of the parties read-model.</summary>
public sealed class PartyRecord
{
    public string Iso3 { get; set; } = "";

    public string Name { get; set; } = "";
}
