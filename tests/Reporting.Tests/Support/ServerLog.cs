using System.Collections.Concurrent;

namespace Reporting.Tests.Support;

/// <summary>The last lines a local server wrote (its <c>ServerOptions.Output</c>), with the time, for a failure message.</summary>
public sealed class ServerLog(int capacity = 300)
{
    private readonly ConcurrentQueue<string> _lines = new();

    public void Write(string line, bool error)
    {
        _lines.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff}{(error ? " !" : "  ")} {line}");
        while (_lines.Count > capacity && _lines.TryDequeue(out _))
        {
        }
    }

    public override string ToString() => string.Join('\n', _lines);
}
