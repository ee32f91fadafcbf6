namespace ReviewMechanism.Messaging.Tests.Data;

/// <summary>The publishing side's state: a nomination whose creation is announced by PersonNominated.</summary>
public sealed class Nomination
{
    public string Id { get; set; } = "";

    public string Party { get; set; } = "";

    public string FullName { get; set; } = "";
}
