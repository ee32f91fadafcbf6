namespace ReviewMechanism.LocalServers;

/// <summary>How a server stops: gracefully (flushes, clean shutdown), or fast (throwaway data in tests).</summary>
public enum StopMode
{
    Graceful,
    Fast,
}
