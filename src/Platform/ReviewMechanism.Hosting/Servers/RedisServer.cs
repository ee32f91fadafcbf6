using System.Globalization;
using System.Net.Sockets;
using System.Text;
using ReviewMechanism.Hosting.Processes;

namespace ReviewMechanism.Hosting.Servers;

/// <summary>A Redis server from Debian's redis-server package, with an append-only file in its data folder and a generated password.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const string Program = "/usr/bin/redis-server";

    private RedisServer(int port, string password, ManagedProcess process)
    {
        Port = port;
        Password = password;
        Process = process;
    }

    public int Port { get; }

    public string Password { get; }

    public ManagedProcess Process { get; }

    /// <summary>The StackExchange.Redis configuration string (Aspire's ConnectionStrings__redis form).</summary>
    public string ConnectionString => $"127.0.0.1:{Port},password={Password}";

    public static async Task<RedisServer> StartAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        await DebianPackages.EnsureInstalledAsync(Program, "redis-server", line => options.Output(line, false), cancellationToken).ConfigureAwait(false);
        var root = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(root);
        var password = SecretStore.GetOrCreate(Path.Combine(root, "password"));
        var port = options.Port == 0 ? PortAllocator.GetFreePort() : options.Port;
        var spec = new ProcessSpec(Program,
        [
            "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", root,
            "--appendonly", "yes", "--save", "", "--daemonize", "no", "--requirepass", password,
        ]);
        var process = ManagedProcess.Start(spec, options.Output);
        var server = new RedisServer(port, password, process);
        await server.WaitReadyAsync(options.StartTimeout, cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <summary>SIGTERM: Redis flushes its append-only file and exits.</summary>
    public Task StopAsync() => Process.StopAsync(Signals.SIGTERM, TimeSpan.FromSeconds(15));

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <summary>True when the server answers PING after AUTH.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port, cancellationToken).ConfigureAwait(false);
            var stream = client.GetStream();
            var command = Encoding.ASCII.GetBytes($"AUTH {Password}\r\nPING\r\n");
            await stream.WriteAsync(command, cancellationToken).ConfigureAwait(false);
            var buffer = new byte[64];
            var text = "";
            while (!text.Contains("PONG", StringComparison.Ordinal) && !text.Contains("-ERR", StringComparison.Ordinal) && !text.Contains("-LOADING", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }
                text += Encoding.ASCII.GetString(buffer, 0, read);
            }
            return text.Contains("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            while (!await PingAsync(timer.Token).ConfigureAwait(false))
            {
                if (Process.HasExited)
                {
                    throw new InvalidOperationException($"Redis exited with code {Process.Exited.Result} while starting; see its output.");
                }
                await Task.Delay(50, timer.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Redis did not answer on port {Port} within {timeout.TotalSeconds:0} s.");
        }
    }
}
