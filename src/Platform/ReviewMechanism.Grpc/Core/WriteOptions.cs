namespace ReviewMechanism.Grpc;

/// <summary>Flags for writing one message.</summary>
[Flags]
public enum WriteFlags
{
    None = 0,

    /// <summary>Hint that the write may be buffered (not flushed at once).</summary>
    BufferHint = 0x1,

    /// <summary>Send this message uncompressed even when the call compresses.</summary>
    NoCompress = 0x2,
}

/// <summary>Options for the messages written to a stream (<see cref="IAsyncStreamWriter{T}.WriteOptions"/>).</summary>
public sealed class WriteOptions
{
    public static readonly WriteOptions Default = new();

    public WriteOptions(WriteFlags flags = WriteFlags.None)
    {
        Flags = flags;
    }

    public WriteFlags Flags { get; }
}
