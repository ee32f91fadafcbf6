namespace Gateway.Tests.Infrastructure;

public static class FreePort
{
    /// <summary>
    /// An address nothing listens on, for "backend is down" cases: a free port below the kernel's ephemeral range
    /// (<see cref="ReviewMechanism.LocalServers.PortAllocator"/>), so neither a test's own listeners nor an outgoing
    /// connection can take it meanwhile.
    /// </summary>
    public static string ClosedAddress() => $"http://127.0.0.1:{ReviewMechanism.LocalServers.PortAllocator.GetFreePort()}";
}
