namespace ReviewMechanism.Messaging.Outbox;

/// <summary>
/// Message ids as UUIDv7 (time-ordered) that also strictly increase within the process: EF Core inserts
/// the rows of one SaveChanges in key order, so increasing ids keep the events in the order they were added.
/// </summary>
public static class OutboxMessageIds
{
    private static readonly Lock Gate = new();
    private static Guid _last;

    public static Guid Next(DateTimeOffset now)
    {
        var candidate = Guid.CreateVersion7(now);
        lock (Gate)
        {
            if (candidate.CompareTo(_last) <= 0)
            {
                candidate = Increment(_last);
            }
            _last = candidate;
            return candidate;
        }
    }

    private static Guid Increment(Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        // The last 8 bytes hold the variant bits (top two of byte 8) and random bits: count up from the end.
        for (var i = 15; i >= 9; i--)
        {
            if (++bytes[i] != 0)
            {
                return new Guid(bytes, bigEndian: true);
            }
        }
        bytes[8] = (byte)((bytes[8] & 0xC0) | ((bytes[8] + 1) & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
