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

    /// <summary>An address nothing listens on (a port just released), for "backend is down" cases.</summary>
    public static string ClosedAddress() => $"http://127.0.0.1:{Next()}";
}
