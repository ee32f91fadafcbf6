using System.Net;
using System.Net.Sockets;

namespace ReviewMechanism.LocalServers;

/// <summary>Free loopback TCP ports for local servers.</summary>
public static class PortAllocator
{
    private const int Lowest = 10000;
    private const string EphemeralRange = "/proc/sys/net/ipv4/ip_local_port_range";

    /// <summary>
    /// A port free now on 127.0.0.1, picked at random below the kernel's ephemeral range (10000 up to 32767 on Linux's
    /// default). A server binds its port seconds after it was picked; a port of the ephemeral range could meanwhile
    /// become the local end of any outgoing connection on the machine, and the server then fails with "address in
    /// use" (the likely cause of a RabbitMQ node exiting while starting in a fresh-clone test run). Ports below that
    /// range are only ever taken by an explicit bind. Where the range cannot be read, the kernel's choice.
    /// </summary>
    public static int GetFreePort()
    {
        if (FirstEphemeralPort() is { } first && first > Lowest + 1000)
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                var port = Random.Shared.Next(Lowest, first);
                if (IsFree(port))
                {
                    return port;
                }
            }
        }
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The first port of the kernel's ephemeral range, or null where it cannot be read.</summary>
    public static int? FirstEphemeralPort()
    {
        try
        {
            var range = File.ReadAllText(EphemeralRange).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            return range.Length == 2 && int.TryParse(range[0], out var first) ? first : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>True once something accepts TCP connections on 127.0.0.1:port.</summary>
    public static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
