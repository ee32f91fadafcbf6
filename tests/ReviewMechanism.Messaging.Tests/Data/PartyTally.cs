namespace ReviewMechanism.Messaging.Tests.Data;

/// <summary>The consuming side's state: nominations counted per party (applying a message twice shows).</summary>
public sealed class PartyTally
{
    public string Party { get; set; } = "";

    public int Nominations { get; set; }
}
