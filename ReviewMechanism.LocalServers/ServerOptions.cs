namespace ReviewMechanism.LocalServers;

/// <summary>Where a local server keeps its data, which port it listens on (0 = a free one), where its output goes.</summary>
public sealed record ServerOptions(string DataDirectory)
{
    public int Port { get; init; }

    /// <summary>Receives each output line and whether it came from stderr.</summary>
    public Action<string, bool> Output { get; init; } = static (_, _) => { };

    /// <summary>
    /// How long start-up waits for the server to answer (a server that exits fails at once). RabbitMQ's first boot
    /// took over 60 s on a two-core machine busy with the parallel test projects, so the default leaves room.
    /// </summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Extra environment for the server's processes (the AppHost marks its children with it).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    public IReadOnlyDictionary<string, string?> WithEnvironment(IReadOnlyDictionary<string, string?>? own)
    {
        var merged = new Dictionary<string, string?>(Environment);
        foreach (var (key, value) in own ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }
        return merged;
    }
}
