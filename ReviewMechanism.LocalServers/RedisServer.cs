using System.Globalization;
using System.Net.Sockets;
using System.Text;
using ReviewMechanism.LocalServers.Processes;

namespace ReviewMechanism.LocalServers;

/// <summary>A Redis server from Debian's redis-server package, with an append-only file in its data folder and a generated password.</summary>
public sealed class RedisServer : ILocalServer
{
    private const string Program = "/usr/bin/redis-server";
    private readonly string _root;
    private readonly ServerOptions _options;
    private readonly Lazy<Task> _prepared;

    private RedisServer(string root, int port, string password, ServerOptions options)
    {
        _root = root;
        Port = port;
        Password = password;
        _options = options;
        _prepared = new Lazy<Task>(
            () => DebianPackages.EnsureInstalledAsync(Program, "redis-server", line => options.Output(line, false), CancellationToken.None),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public int Port { get; }

    public string Password { get; }

    public ManagedProcess? Process { get; private set; }

    /// <summary>The StackExchange.Redis configuration string (Aspire's ConnectionStrings__redis form).</summary>
    public string ConnectionString => $"127.0.0.1:{Port},password={Password}";

    /// <summary>Configures, installs, and starts the server.</summary>
    public static async Task<RedisServer> StartAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        var server = await PrepareAsync(options, cancellationToken).ConfigureAwait(false);
        return await LocalServerStart.StartedAsync(server, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><see cref="Configure"/> then <see cref="InstallAndInitializeAsync"/>.</summary>
    public static async Task<RedisServer> PrepareAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        var server = Configure(options);
        await server.InstallAndInitializeAsync(cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <summary>Creates the data folder and the password (generated once), chooses the port.</summary>
    public static RedisServer Configure(ServerOptions options)
    {
        var root = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(root);
        var password = SecretStore.GetOrCreate(Path.Combine(root, "password"));
        var port = options.Port == 0 ? PortAllocator.GetFreePort() : options.Port;
        return new RedisServer(root, port, password, options);
    }

    /// <summary>Installs the package when missing (once per instance).</summary>
    public Task InstallAndInitializeAsync(CancellationToken cancellationToken = default) => _prepared.Value.WaitAsync(cancellationToken);

    /// <summary>redis-server on 127.0.0.1 with an append-only file in the data folder and the password.</summary>
    public ProcessSpec CreateProcessSpec() => new(Program,
    [
        "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _root,
        "--appendonly", "yes", "--save", "", "--daemonize", "no", "--requirepass", Password,
    ]) { NewSession = true, Environment = _options.Environment };

    public async Task StartProcessAsync(CancellationToken cancellationToken = default)
    {
        ServerProcessGuard.EnsureNotRunning(Process, "Redis");
        await InstallAndInitializeAsync(cancellationToken).ConfigureAwait(false);
        Process = ManagedProcess.Start(CreateProcessSpec(), _options.Output);
        await ServerProcessGuard.WaitUntilAsync(ProbeAsync, Process, $"Redis on port {Port}", _options.StartTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>SIGTERM: Redis flushes its append-only file and exits (fast in both modes).</summary>
    public Task StopAsync(StopMode mode = StopMode.Graceful) =>
        Process?.StopAsync(Signals.SIGTERM, TimeSpan.FromSeconds(15)) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <summary>True when the server answers PING after AUTH.</summary>
    public Task<bool> ProbeAsync(CancellationToken cancellationToken = default) => PingAsync(cancellationToken);

    /// <summary>True when the server answers PING after AUTH.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port, timeout.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            var command = Encoding.ASCII.GetBytes($"AUTH {Password}\r\nPING\r\n");
            await stream.WriteAsync(command, timeout.Token).ConfigureAwait(false);
            var buffer = new byte[64];
            var text = "";
            while (!text.Contains("PONG", StringComparison.Ordinal) && !text.Contains("-ERR", StringComparison.Ordinal) && !text.Contains("-LOADING", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, timeout.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }
                text += Encoding.ASCII.GetString(buffer, 0, read);
            }
            return text.Contains("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
