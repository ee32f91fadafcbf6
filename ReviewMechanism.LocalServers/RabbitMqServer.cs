using System.Globalization;
using System.Net.Sockets;
using ReviewMechanism.LocalServers.Processes;

namespace ReviewMechanism.LocalServers;

/// <summary>
/// A RabbitMQ node from Debian's rabbitmq-server package, run as a local process with everything (mnesia, logs,
/// cookie, config) in its data folder, and its own epmd (<see cref="CreateEpmdProcessSpec"/>) on a port of its
/// own: the node does not start one (an epmd started by the node would outlive it). Every listener is on
/// 127.0.0.1: AMQP, the Erlang distribution port and epmd. The node creates its user, with a generated password,
/// on its first boot (default_user in its configuration file).
/// </summary>
public sealed class RabbitMqServer : ILocalServer
{
    private const string Package = "rabbitmq-server";
    private const string Scripts = "/usr/lib/rabbitmq/bin";
    private const string Epmd = "/usr/bin/epmd";
    private const string UserName = "mechanism";
    private readonly Dictionary<string, string?> _environment;
    private readonly ServerOptions _options;
    private readonly Lazy<Task> _prepared;

    private RabbitMqServer(int port, int distributionPort, int epmdPort, string password, Dictionary<string, string?> environment, ServerOptions options)
    {
        Port = port;
        DistributionPort = distributionPort;
        EpmdPort = epmdPort;
        Password = password;
        _environment = environment;
        _options = options;
        _prepared = new Lazy<Task>(
            () => DebianPackages.EnsureInstalledAsync(Path.Combine(Scripts, "rabbitmq-server"), Package, line => options.Output(line, false), CancellationToken.None),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The AMQP port.</summary>
    public int Port { get; }

    /// <summary>The Erlang distribution port (CLI tools talk to the node through it).</summary>
    public int DistributionPort { get; }

    public int EpmdPort { get; }

    public string Password { get; }

    public string UserNameValue => UserName;

    public ManagedProcess? Process { get; private set; }

    /// <summary>The epmd started with the node by <see cref="StartProcessAsync"/>.</summary>
    public ManagedProcess? EpmdProcess { get; private set; }

    /// <summary>The AMQP URI (Aspire's ConnectionStrings__messaging form).</summary>
    public string ConnectionString => $"amqp://{UserName}:{Password}@127.0.0.1:{Port}/";

    /// <summary>Configures, installs, and starts epmd and the node.</summary>
    public static async Task<RabbitMqServer> StartAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        var server = await PrepareAsync(options, cancellationToken).ConfigureAwait(false);
        return await LocalServerStart.StartedAsync(server, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><see cref="Configure"/> then <see cref="InstallAndInitializeAsync"/>.</summary>
    public static async Task<RabbitMqServer> PrepareAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        var server = Configure(options);
        await server.InstallAndInitializeAsync(cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <summary>Writes the node's configuration and password (generated once), chooses its three ports.</summary>
    public static RabbitMqServer Configure(ServerOptions options)
    {
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
        var distributionPort = PortAllocator.GetFreePort();
        var epmdPort = PortAllocator.GetFreePort();
        var node = "rabbit" + Math.Abs(StableHash(root)).ToString(CultureInfo.InvariantCulture) + "@localhost";
        var environment = new Dictionary<string, string?>
        {
            ["HOME"] = Path.Combine(root, "home"),
            ["RABBITMQ_NODENAME"] = node,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(CultureInfo.InvariantCulture),
            ["ERL_EPMD_PORT"] = epmdPort.ToString(CultureInfo.InvariantCulture),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(root, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(root, "log"),
            ["RABBITMQ_LOGS"] = "-",
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(root, "enabled_plugins"),
            ["RABBITMQ_CONFIG_FILE"] = config,
            ["RABBITMQ_PID_FILE"] = Path.Combine(root, "rabbitmq.pid"),
            // The distribution listener on loopback, no epmd of the node's own, SIGINT ignored (a Ctrl+C reaches the
            // whole terminal; the node stops on the SIGTERM that follows, cleanly).
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1} -start_epmd false +B i",
            // Makes the script exec the Erlang VM instead of waiting on it as a child: the process started is the
            // node itself, so its SIGTERM is the node's clean stop and nothing is left behind when it is killed.
            ["RUNNING_UNDER_SYSTEMD"] = "true",
        };
        return new RabbitMqServer(port, distributionPort, epmdPort, password, environment, options);
    }

    /// <summary>Installs the package when missing (once per instance).</summary>
    public Task InstallAndInitializeAsync(CancellationToken cancellationToken = default) => _prepared.Value.WaitAsync(cancellationToken);

    /// <summary>The node (the rabbitmq-server script, which execs the Erlang VM).</summary>
    public ProcessSpec CreateProcessSpec() =>
        new(Path.Combine(Scripts, "rabbitmq-server"), []) { Environment = _options.WithEnvironment(_environment), NewSession = true };

    /// <summary>The node's epmd, in the foreground, on 127.0.0.1 and <see cref="EpmdPort"/>: start it before the node.</summary>
    public ProcessSpec CreateEpmdProcessSpec() =>
        new(Epmd, ["-address", "127.0.0.1", "-port", EpmdPort.ToString(CultureInfo.InvariantCulture)])
        {
            Environment = _options.WithEnvironment(new Dictionary<string, string?> { ["HOME"] = _environment["HOME"] }),
            NewSession = true,
        };

    /// <summary>True when epmd accepts connections on its port.</summary>
    public Task<bool> ProbeEpmdAsync(CancellationToken cancellationToken = default) => PortAllocator.IsListeningAsync(EpmdPort, cancellationToken);

    public async Task StartProcessAsync(CancellationToken cancellationToken = default)
    {
        ServerProcessGuard.EnsureNotRunning(Process, "RabbitMQ");
        await InstallAndInitializeAsync(cancellationToken).ConfigureAwait(false);
        if (EpmdProcess is not { HasExited: false })
        {
            EpmdProcess = ManagedProcess.Start(CreateEpmdProcessSpec(), _options.Output);
            await ServerProcessGuard.WaitUntilAsync(ProbeEpmdAsync, EpmdProcess, $"epmd on port {EpmdPort}", _options.StartTimeout, cancellationToken).ConfigureAwait(false);
        }
        Process = ManagedProcess.Start(CreateProcessSpec(), _options.Output);
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
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
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
    /// Graceful: SIGTERM, the node's clean stop. Fast: SIGKILL (throwaway data). Either way its epmd is stopped too.
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
        if (EpmdProcess is { HasExited: false } epmd)
        {
            await epmd.StopAsync(Signals.SIGTERM, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
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
