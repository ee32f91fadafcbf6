using System.Globalization;

namespace ReviewMechanism.ServiceDefaults.Clock;

/// <summary>
/// The system clock plus the offset in a file (a <see cref="TimeSpan"/> in invariant "c" format, e.g.
/// <c>30.00:00:00</c>; absent or empty means zero). The file is read again when it changes. Timers and delays keep
/// running in real time: only "now" moves.
/// </summary>
public sealed class OffsetFileTimeProvider(string path) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTime _readAt = DateTime.MinValue;
    private TimeSpan _offset;

    public string Path { get; } = path;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset();

    public TimeSpan Offset()
    {
        var written = File.Exists(Path) ? File.GetLastWriteTimeUtc(Path) : DateTime.MinValue;
        lock (_gate)
        {
            if (written != _readAt)
            {
                _offset = Read();
                _readAt = written;
            }
            return _offset;
        }
    }

    private TimeSpan Read()
    {
        try
        {
            var text = File.Exists(Path) ? File.ReadAllText(Path).Trim() : "";
            return text.Length == 0 ? TimeSpan.Zero : TimeSpan.ParseExact(text, "c", CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return _offset;
        }
    }
}
