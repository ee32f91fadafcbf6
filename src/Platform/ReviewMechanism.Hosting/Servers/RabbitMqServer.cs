using System.Globalization;
using System.Net.Sockets;
using ReviewMechanism.Hosting.Processes;

namespace ReviewMechanism.Hosting.Servers;

/// <summary>
/// A RabbitMQ node from Debian's rabbitmq-server package, run as a child process with everything
/// (mnesia, logs, cookie, config, epmd port) pointed into its data folder. The node creates its user,
/// with a generated password, on its first boot (default_user in its configuration file).
/// </summary>
public sealed class RabbitMqServer : ILocalServer
{
    private const string Package = "rabbitmq-server";
    private const string Scripts = "/usr/lib/rabbitmq/bin";
    private const string UserName = "mechanism";
    private readonly Dictionary<string, string?> _environment;
    private readonly int _epmdPort;
    private readonly ServerOptions _options;

    private RabbitMqServer(int port, string password, Dictionary<string, string?> environment, int epmdPort, ServerOptions options)
    {
        Port = port;
        Password = password;
        _environment = environment;
        _epmdPort = epmdPort;
        _options = options;
    }

    public int Port { get; }

    public string Password { get; }

    public string UserNameValue => UserName;

    public ManagedProcess? Process { get; private set; }

    /// <summary>The AMQP URI (Aspire's ConnectionStrings__messaging form).</summary>
    public string ConnectionString => $"amqp://{UserName}:{Password}@127.0.0.1:{Port}/";

    /// <summary>Prepares and starts the node.</summary>
    public static async Task<RabbitMqServer> StartAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        var server = await PrepareAsync(options, cancellationToken).ConfigureAwait(false);
        await server.StartProcessAsync(cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <summary>Installs the package if needed, writes the node's configuration, chooses its ports.</summary>
    public static async Task<RabbitMqServer> PrepareAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        await DebianPackages.EnsureInstalledAsync(Path.Combine(Scripts, "rabbitmq-server"), Package, line => options.Output(line, false), cancellationToken).ConfigureAwait(false);
        var root = Path.GetFullPath(options.DataDirectory);
        foreach (var folder in new[] { "home", "mnesia", "log" })
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
        }
        var password = SecretStore.GetOrCreate(Path.Combine(root, "password"));
        File.WriteAllText(Path.Combine(root, "enabled_plugins"), "[].\n");
        var config = Path.Combine(root, "rabbitmq.conf");
        File.WriteAllText(config, string.Join('\n',
            "loopback_users = none",
            $"default_user = {UserName}",
            $"default_pass = {password}",
            "default_user_tags.administrator = true",
            "default_permissions.configure = .*",
            "default_permissions.read = .*",
            "default_permissions.write = .*",
            ""));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var port = options.Port == 0 ? PortAllocator.GetFreePort() : options.Port;
        var distPort = PortAllocator.GetFreePort();
        var epmdPort = PortAllocator.GetFreePort();
        var node = "rabbit" + Math.Abs(StableHash(root)).ToString(CultureInfo.InvariantCulture) + "@localhost";
        var environment = new Dictionary<string, string?>
        {
            ["HOME"] = Path.Combine(root, "home"),
            ["RABBITMQ_NODENAME"] = node,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = distPort.ToString(CultureInfo.InvariantCulture),
            ["ERL_EPMD_PORT"] = epmdPort.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(root, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(root, "log"),
            ["RABBITMQ_LOGS"] = "-",
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(root, "enabled_plugins"),
            ["RABBITMQ_CONFIG_FILE"] = config,
            ["RABBITMQ_PID_FILE"] = Path.Combine(root, "rabbitmq.pid"),
        };
        return new RabbitMqServer(port, password, environment, epmdPort, options);
    }

    public async Task StartProcessAsync(CancellationToken cancellationToken = default)
    {
        ServerProcessGuard.EnsureNotRunning(Process, "RabbitMQ");
        Process = ManagedProcess.Start(new ProcessSpec(Path.Combine(Scripts, "rabbitmq-server"), []) { Environment = _options.WithEnvironment(_environment), NewSession = true }, _options.Output);
        await ServerProcessGuard.WaitUntilAsync(ProbeAsync, Process, $"RabbitMQ on port {Port}", _options.StartTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// True when the node answers an AMQP 0-9-1 protocol header with a connection.start frame: its
    /// listener opens at the end of boot, after the user and the default virtual host exist.
    /// </summary>
    public async Task<bool> ProbeAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port, timeout.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            await stream.WriteAsync("AMQP\0\0\u0009\u0001"u8.ToArray(), timeout.Token).ConfigureAwait(false);
            var frame = new byte[11];
            var read = 0;
            while (read < frame.Length)
            {
                var n = await stream.ReadAsync(frame.AsMemory(read), timeout.Token).ConfigureAwait(false);
                if (n == 0)
                {
                    return false;
                }
                read += n;
            }
            // Method frame (type 1) on channel 0 carrying class 10 (connection), method 10 (start).
            return frame[0] == 1 && frame[1] == 0 && frame[2] == 0 && frame[7] == 0 && frame[8] == 10 && frame[9] == 0 && frame[10] == 10;
        }
        catch (Exception e) when (e is SocketException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    /// <summary>
    /// Graceful: SIGTERM, which the rabbitmq-server script turns into a clean stop of the node.
    /// Fast: SIGKILL (throwaway data). Either way the node's epmd is stopped too.
    /// </summary>
    public async Task StopAsync(StopMode mode = StopMode.Graceful)
    {
        if (Process is { HasExited: false } process)
        {
            if (mode == StopMode.Graceful)
            {
                await process.StopAsync(Signals.SIGTERM, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            }
            else
            {
                process.Kill();
                await process.Exited.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
        }
        await new ProcessSpec("/usr/bin/epmd", ["-port", _epmdPort.ToString(CultureInfo.InvariantCulture), "-kill"]).RunToEndAsync(CancellationToken.None).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = 17;
            foreach (var c in text)
            {
                hash = (hash * 31) + c;
            }
            return hash == int.MinValue ? 0 : hash;
        }
    }
}
