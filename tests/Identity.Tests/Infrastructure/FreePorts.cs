using System.Net;
using System.Net.Sockets;

namespace Identity.Tests.Infrastructure;

public static class FreePorts
{
    /// <summary>A loopback port free at the time of asking (for servers whose URL must be known before they start).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
