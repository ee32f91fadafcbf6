using System.Net;
using System.Net.Sockets;

namespace Gateway.Tests.Infrastructure;

public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// An address nothing listens on, for "backend is down" cases: a free port below the kernel's ephemeral range
    /// (<see cref="ReviewMechanism.LocalServers.PortAllocator"/>). A port just released by <see cref="Next"/> could be
    /// handed out again by the next <see cref="Next"/>, to the gateway itself: a fresh-clone run got the gateway's own
    /// HTTP/2-only port as the "closed" backend and a 400 instead of a 502.
    /// </summary>
    public static string ClosedAddress() => $"http://127.0.0.1:{ReviewMechanism.LocalServers.PortAllocator.GetFreePort()}";
}
