using System.Globalization;
using ReviewMechanism.Hosting.Processes;

namespace ReviewMechanism.Hosting.Servers;

/// <summary>
/// A RabbitMQ node from Debian's rabbitmq-server package, run as a child process with everything
/// (mnesia, logs, cookie, config, epmd port) pointed into its data folder. A user with a generated
/// password is created on first start.
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    private const string Package = "rabbitmq-server";
    private const string Scripts = "/usr/lib/rabbitmq/bin";
    private const string UserName = "mechanism";
    private readonly Dictionary<string, string?> _environment;
    private readonly int _epmdPort;

    private RabbitMqServer(int port, string password, Dictionary<string, string?> environment, int epmdPort, ManagedProcess process)
    {
        Port = port;
        Password = password;
        _environment = environment;
        _epmdPort = epmdPort;
        Process = process;
    }

    public int Port { get; }

    public string Password { get; }

    public string UserNameValue => UserName;

    public ManagedProcess Process { get; }

    /// <summary>The AMQP URI (Aspire's ConnectionStrings__messaging form).</summary>
    public string ConnectionString => $"amqp://{UserName}:{Password}@127.0.0.1:{Port}/";

    public static async Task<RabbitMqServer> StartAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        await DebianPackages.EnsureInstalledAsync(Path.Combine(Scripts, "rabbitmq-server"), Package, line => options.Output(line, false), cancellationToken).ConfigureAwait(false);
        var root = Path.GetFullPath(options.DataDirectory);
        foreach (var folder in new[] { "home", "mnesia", "log" })
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
        }
        File.WriteAllText(Path.Combine(root, "enabled_plugins"), "[].\n");
        File.WriteAllText(Path.Combine(root, "rabbitmq.conf"), "loopback_users = none\n");
        var password = SecretStore.GetOrCreate(Path.Combine(root, "password"));
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
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(root, "rabbitmq.conf"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(root, "rabbitmq.pid"),
        };
        var process = ManagedProcess.Start(new ProcessSpec(Path.Combine(Scripts, "rabbitmq-server"), []) { Environment = environment }, options.Output);
        var server = new RabbitMqServer(port, password, environment, epmdPort, process);
        await server.WaitReadyAsync(options.StartTimeout, cancellationToken).ConfigureAwait(false);
        var marker = Path.Combine(root, "user-created");
        if (!File.Exists(marker))
        {
            await server.CtlAsync(["add_user", UserName, password], cancellationToken, allowFailure: true).ConfigureAwait(false);
            await server.CtlAsync(["set_user_tags", UserName, "administrator"], cancellationToken).ConfigureAwait(false);
            await server.CtlAsync(["set_permissions", "-p", "/", UserName, ".*", ".*", ".*"], cancellationToken).ConfigureAwait(false);
            File.WriteAllText(marker, "");
        }
        return server;
    }

    /// <summary>Graceful stop through rabbitmqctl, then the node's epmd.</summary>
    public async Task StopAsync()
    {
        if (!Process.HasExited)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await CtlAsync(["shutdown"], timeout.Token, allowFailure: true).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Fall through to the signal.
            }
            await Process.StopAsync(Signals.SIGTERM, TimeSpan.FromSeconds(15)).ConfigureAwait(false);
        }
        await new ProcessSpec("/usr/bin/epmd", ["-port", _epmdPort.ToString(CultureInfo.InvariantCulture), "-kill"]).RunToEndAsync(CancellationToken.None).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            while (!await PortAllocator.IsListeningAsync(Port, timer.Token).ConfigureAwait(false))
            {
                if (Process.HasExited)
                {
                    throw new InvalidOperationException($"RabbitMQ exited with code {Process.Exited.Result} while starting; see its output.");
                }
                await Task.Delay(200, timer.Token).ConfigureAwait(false);
            }
            await CtlAsync(["await_startup", "--timeout", "60"], timer.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"RabbitMQ did not start on port {Port} within {timeout.TotalSeconds:0} s.");
        }
    }

    private async Task CtlAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool allowFailure = false)
    {
        var spec = new ProcessSpec(Path.Combine(Scripts, "rabbitmqctl"), ["-q", .. arguments]) { Environment = _environment };
        var (code, output) = await spec.RunToEndAsync(cancellationToken).ConfigureAwait(false);
        if (code != 0 && !allowFailure)
        {
            throw new InvalidOperationException($"rabbitmqctl {arguments[0]} failed ({code}): {output}");
        }
    }

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
