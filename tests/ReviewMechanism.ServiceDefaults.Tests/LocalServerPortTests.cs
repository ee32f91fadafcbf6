using System.Net;
using System.Net.Sockets;
using ReviewMechanism.LocalServers;

namespace ReviewMechanism.ServiceDefaults.Tests;

/// <summary>The ports of the local servers (ReviewMechanism.LocalServers), and what a server that cannot bind says.</summary>
public sealed class LocalServerPortTests
{
    [Fact]
    public void AFreePortLiesBelowTheKernelsEphemeralRangeAndCanBeBound()
    {
        var firstEphemeral = PortAllocator.FirstEphemeralPort();
        Assert.NotNull(firstEphemeral);   // Linux: /proc/sys/net/ipv4/ip_local_port_range
        for (var i = 0; i < 20; i++)
        {
            var port = PortAllocator.GetFreePort();
            Assert.InRange(port, 10000, firstEphemeral.Value - 1);
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        }
    }

    [Fact]
    public async Task AServerThatCannotBindItsPortFailsWithItsOwnLastLines()
    {
        using var taken = new TcpListener(IPAddress.Loopback, PortAllocator.GetFreePort());
        taken.Start();
        using var stop = new CancellationTokenSource();
        _ = RefuseEveryConnectionAsync(taken, stop.Token);
        var folder = Directory.CreateTempSubdirectory("redis-taken-port-");
        try
        {
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => RedisServer.StartAsync(
                new ServerOptions(folder.FullName) { Port = ((IPEndPoint)taken.LocalEndpoint).Port }));

            Assert.Contains("exited with code", failure.Message, StringComparison.Ordinal);
            Assert.Contains("Address already in use", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ARabbitMqNodeThatCannotBindItsPortLeavesNoProcessBehind()
    {
        using var taken = new TcpListener(IPAddress.Loopback, PortAllocator.GetFreePort());
        taken.Start();
        using var stop = new CancellationTokenSource();
        _ = RefuseEveryConnectionAsync(taken, stop.Token);
        var folder = Directory.CreateTempSubdirectory("rabbitmq-taken-port-");
        try
        {
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => RabbitMqServer.StartAsync(
                new ServerOptions(folder.FullName) { Port = ((IPEndPoint)taken.LocalEndpoint).Port }));

            Assert.Contains("exited with code", failure.Message, StringComparison.Ordinal);
            Assert.Empty(ProcessesWithHome(Path.Combine(folder.FullName, "home")));   // its epmd and the node
        }
        finally
        {
            await stop.CancelAsync();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The processes whose HOME is <paramref name="home"/> (a local server's processes get their folder's).</summary>
    private static List<string> ProcessesWithHome(string home)
    {
        var found = new List<string>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(entry, "environ")).Split('\0').Contains("HOME=" + home))
                {
                    found.Add($"{Path.GetFileName(entry)} {File.ReadAllText(Path.Combine(entry, "cmdline")).Replace('\0', ' ')}");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not a process, or gone meanwhile.
            }
        }
        return found;
    }

    /// <summary>Accepts and closes at once, so a probe reading from the port learns at once that nothing answers there.</summary>
    private static async Task RefuseEveryConnectionAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync(cancellationToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The test is over.
        }
    }
}
