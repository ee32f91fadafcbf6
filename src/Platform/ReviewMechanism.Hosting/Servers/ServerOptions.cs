namespace ReviewMechanism.Hosting.Servers;

/// <summary>Where a local server keeps its data, which port it listens on (0 = a free one), where its output goes.</summary>
public sealed record ServerOptions(string DataDirectory)
{
    public int Port { get; init; }

    /// <summary>Receives each output line and whether it came from stderr.</summary>
    public Action<string, bool> Output { get; init; } = static (_, _) => { };

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
