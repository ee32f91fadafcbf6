namespace Microsoft.Extensions.Hosting;

/// <summary>Extra sources and meters a service wants recorded besides <see cref="TelemetryNames"/> and its own name.</summary>
public sealed class TelemetryOptions
{
    public List<string> ActivitySources { get; } = [];

    public List<string> Meters { get; } = [];
}
