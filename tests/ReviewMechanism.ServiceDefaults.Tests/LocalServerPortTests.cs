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
        await using var taken = TakenPort.Open("redis-taken-port-");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => RedisServer.StartAsync(taken.Options));

        Assert.Contains("exited with code", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Address already in use", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARabbitMqNodeThatCannotBindItsPortLeavesNoProcessBehind()
    {
        await using var taken = TakenPort.Open("rabbitmq-taken-port-");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => RabbitMqServer.StartAsync(taken.Options));

        Assert.Contains("exited with code", failure.Message, StringComparison.Ordinal);
        Assert.Empty(ProcessesWithHome(Path.Combine(taken.Options.DataDirectory, "home")));   // its epmd and the node
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

    /// <summary>
    /// A port someone else holds (it accepts and closes at once, so a probe learns at once that nothing answers there),
    /// and the options of a server told to use it, in a temporary folder.
    /// </summary>
    private sealed class TakenPort : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();
        private readonly DirectoryInfo _folder;

        private TakenPort(string folderPrefix)
        {
            _listener = new TcpListener(IPAddress.Loopback, PortAllocator.GetFreePort());
            _listener.Start();
            _folder = Directory.CreateTempSubdirectory(folderPrefix);
            Options = new ServerOptions(_folder.FullName) { Port = ((IPEndPoint)_listener.LocalEndpoint).Port };
            _ = RefuseEveryConnectionAsync();
        }

        public ServerOptions Options { get; }

        public static TakenPort Open(string folderPrefix) => new(folderPrefix);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Dispose();
            _stop.Dispose();
            _folder.Delete(recursive: true);
        }

        private async Task RefuseEveryConnectionAsync()
        {
            try
            {
                while (true)
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The test is over.
            }
        }
    }
}
