using System.Globalization;
using System.Net.Sockets;
using System.Text;
using ReviewMechanism.LocalServers.Processes;

namespace ReviewMechanism.LocalServers;

/// <summary>
/// The development mail server: smtp4dev (the Rnwood.Smtp4dev tool pinned in <c>.config/dotnet-tools.json</c>),
/// SMTP and its web page/API on 127.0.0.1, IMAP and POP3 off, its message database in the data folder. Services
/// send real SMTP to it; a developer reads the mails on its web page, tests through its API (<c>/api/messages</c>).
/// </summary>
public sealed class MailServer : ILocalServer
{
    private const string PackageId = "Rnwood.Smtp4dev";
    private const string Assembly = "Rnwood.Smtp4dev.dll";
    private readonly string _root;
    private readonly DotnetToolManifest _manifest;
    private readonly ServerOptions _options;
    private readonly Lazy<Task> _prepared;
    private string? _assembly;

    private MailServer(string root, int port, int httpPort, DotnetToolManifest manifest, ServerOptions options)
    {
        _root = root;
        _manifest = manifest;
        _options = options;
        Port = port;
        HttpPort = httpPort;
        _prepared = new Lazy<Task>(InstallCoreAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The SMTP port.</summary>
    public int Port { get; }

    /// <summary>The web page and API port.</summary>
    public int HttpPort { get; }

    public Uri HttpUrl => new($"http://127.0.0.1:{HttpPort}/");

    /// <summary>The connection string services read as <c>ConnectionStrings__mail</c>.</summary>
    public string ConnectionString => $"smtp://127.0.0.1:{Port}";

    public ManagedProcess? Process { get; private set; }

    /// <summary>Configures, restores the tool when needed, and starts the server.</summary>
    public static async Task<MailServer> StartAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        var server = Configure(options);
        return await LocalServerStart.StartedAsync(server, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Chooses the SMTP port (<see cref="ServerOptions.Port"/>, 0 = free) and the web port (0 = free).</summary>
    public static MailServer Configure(ServerOptions options, int httpPort = 0, DotnetToolManifest? manifest = null)
    {
        var root = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(root);
        var port = options.Port == 0 ? PortAllocator.GetFreePort() : options.Port;
        return new MailServer(root, port, httpPort == 0 ? PortAllocator.GetFreePort() : httpPort, manifest ?? DotnetToolManifest.Find(), options);
    }

    /// <summary>Restores the pinned tool when it is not in the NuGet packages folder (once per instance).</summary>
    public Task InstallAndInitializeAsync(CancellationToken cancellationToken = default) => _prepared.Value.WaitAsync(cancellationToken);

    private async Task InstallCoreAsync()
    {
        _assembly = _manifest.FindAssembly(PackageId, Assembly);
        if (_assembly is null)
        {
            await _manifest.RestoreAsync(line => _options.Output(line, false), CancellationToken.None).ConfigureAwait(false);
            _assembly = _manifest.FindAssembly(PackageId, Assembly)
                ?? throw new InvalidOperationException($"dotnet tool restore did not bring {PackageId} {_manifest.VersionOf(PackageId)}.");
        }
    }

    /// <summary><c>dotnet exec</c> of the tool's assembly (no launcher process in between: signals reach it).</summary>
    public ProcessSpec CreateProcessSpec()
    {
        var assembly = _assembly ?? throw new InvalidOperationException("smtp4dev is not restored yet: call InstallAndInitializeAsync first.");
        return new ProcessSpec("dotnet",
        [
            "exec", assembly,
            $"--urls=http://127.0.0.1:{HttpPort.ToString(CultureInfo.InvariantCulture)}",
            $"--smtpport={Port.ToString(CultureInfo.InvariantCulture)}",
            "--bindaddress=127.0.0.1", "--disableipv6", "--hostname=localhost",
            "--imapport=", "--pop3port=",
            $"--baseappdatapath={_root}", $"--db={Path.Combine(_root, "smtp4dev.db")}",
            "--nousersettings", "--messagestokeep=1000",
        ])
        {
            NewSession = true,
            WorkingDirectory = _root,
            // A development tool that lives as long as the stack: the JIT settings of the project's Debug builds
            // (Directory.Build.targets), so it does not keep recompiling itself while idle.
            Environment = _options.WithEnvironment(new Dictionary<string, string?>
            {
                ["XDG_CONFIG_HOME"] = _root,
                ["DOTNET_TieredPGO"] = "0",
                ["DOTNET_TC_CallCountThreshold"] = "1000",
            }),
        };
    }

    public async Task StartProcessAsync(CancellationToken cancellationToken = default)
    {
        ServerProcessGuard.EnsureNotRunning(Process, "smtp4dev");
        await InstallAndInitializeAsync(cancellationToken).ConfigureAwait(false);
        Process = ManagedProcess.Start(CreateProcessSpec(), _options.Output);
        await ServerProcessGuard.WaitUntilAsync(ProbeAsync, Process, $"smtp4dev on port {Port}", _options.StartTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the SMTP port greets with 220 and the API answers.</summary>
    public async Task<bool> ProbeAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            using (var client = new TcpClient())
            {
                await client.ConnectAsync("127.0.0.1", Port, timeout.Token).ConfigureAwait(false);
                var buffer = new byte[256];
                var read = await client.GetStream().ReadAsync(buffer, timeout.Token).ConfigureAwait(false);
                if (!Encoding.ASCII.GetString(buffer, 0, read).StartsWith("220", StringComparison.Ordinal))
                {
                    return false;
                }
                await client.GetStream().WriteAsync("QUIT\r\n"u8.ToArray(), timeout.Token).ConfigureAwait(false);
            }
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var response = await http.GetAsync(new Uri(HttpUrl, "api/messages"), timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is SocketException or IOException or HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    /// <summary>SIGTERM: smtp4dev stops its servers and exits.</summary>
    public Task StopAsync(StopMode mode = StopMode.Graceful) =>
        Process?.StopAsync(Signals.SIGTERM, TimeSpan.FromSeconds(10)) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
