using System.Globalization;
using ReviewMechanism.LocalServers.Processes;

namespace ReviewMechanism.LocalServers;

/// <summary>
/// A PostgreSQL server from Debian's postgresql package, run as a child process with its cluster in
/// a data folder (initialised on first start, kept across restarts). As root it runs as the
/// <c>postgres</c> user, since initdb and postgres refuse root.
/// </summary>
public sealed class PostgresServer : ILocalServer
{
    private const string Package = "postgresql";
    private readonly string _runAs;
    private readonly string _data;
    private readonly string _socketDirectory;
    private readonly ServerOptions _options;
    private readonly Lazy<Task> _prepared;
    private string? _binDirectory;

    private PostgresServer(string root, string runAs, int port, string password, ServerOptions options)
    {
        _runAs = runAs;
        _data = Path.Combine(root, "data");
        _socketDirectory = Path.Combine(root, "run");
        _options = options;
        _prepared = new Lazy<Task>(() => InstallAndInitializeCoreAsync(root), LazyThreadSafetyMode.ExecutionAndPublication);
        Port = port;
        Password = password;
        ClusterDirectory = root;
    }

    public int Port { get; }

    public string Password { get; }

    /// <summary>Where the cluster lives (the data folder, or a folder the postgres user can reach; see <see cref="Configure"/>).</summary>
    public string ClusterDirectory { get; }

    public ManagedProcess? Process { get; private set; }

    public string GetConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Password={Password};Database={database}";

    /// <summary>Configures, installs and initialises, and starts the server.</summary>
    public static async Task<PostgresServer> StartAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        var server = await PrepareAsync(options, cancellationToken).ConfigureAwait(false);
        return await LocalServerStart.StartedAsync(server, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><see cref="Configure"/> then <see cref="InstallAndInitializeAsync"/>.</summary>
    public static async Task<PostgresServer> PrepareAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        var server = Configure(options);
        await server.InstallAndInitializeAsync(cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <summary>
    /// Chooses the port, the cluster folder and the password (generated once, kept in the folder). As root, the
    /// server runs as the postgres user, who must be able to reach the data folder; when a parent folder shuts it
    /// out (a repository under /root, say), the cluster lives under /var/lib/postgresql/review-mechanism/ instead
    /// and the data folder says where.
    /// </summary>
    public static PostgresServer Configure(ServerOptions options)
    {
        var root = Path.GetFullPath(options.DataDirectory);
        var runAs = Signals.IsRoot ? "postgres" : "";
        Directory.CreateDirectory(root);
        if (runAs.Length > 0 && !IsReachableByOthers(root))
        {
            var elsewhere = Path.Combine("/var/lib/postgresql/review-mechanism", StableName(root));
            Directory.CreateDirectory(elsewhere);
            File.WriteAllText(Path.Combine(root, "CLUSTER-LOCATION"),
                $"The postgres user cannot reach this folder, so the cluster lives in {elsewhere}\n");
            options.Output($"The postgres user cannot reach {root}; the cluster lives in {elsewhere}.", false);
            root = elsewhere;
        }
        Directory.CreateDirectory(Path.Combine(root, "run"));
        var password = SecretStore.GetOrCreate(Path.Combine(root, "password"));
        var port = options.Port == 0 ? PortAllocator.GetFreePort() : options.Port;
        return new PostgresServer(root, runAs, port, password, options);
    }

    /// <summary>Installs the package when missing and runs initdb on first use (once per instance).</summary>
    public Task InstallAndInitializeAsync(CancellationToken cancellationToken = default) => _prepared.Value.WaitAsync(cancellationToken);

    private async Task InstallAndInitializeCoreAsync(string root)
    {
        await DebianPackages.EnsureInstalledAsync("/usr/lib/postgresql", Package, line => _options.Output(line, false), CancellationToken.None).ConfigureAwait(false);
        _binDirectory = FindBinDirectory();
        if (!File.Exists(Path.Combine(_data, "PG_VERSION")))
        {
            await InitializeAsync(_binDirectory, _runAs, root, _data, _options, CancellationToken.None).ConfigureAwait(false);
        }
        if (_runAs.Length > 0)
        {
            await ChownAsync(_runAs, _socketDirectory, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// postgres itself (as the postgres user through setpriv, which execs it: signals reach the postmaster), on
    /// 127.0.0.1 only, its socket in the cluster folder. SIGTERM: smart shutdown; SIGINT: fast; SIGQUIT: immediate.
    /// </summary>
    public ProcessSpec CreateProcessSpec()
    {
        var bin = _binDirectory ?? throw new InvalidOperationException("PostgreSQL is not installed and initialised yet: call InstallAndInitializeAsync first.");
        var spec = AsUser(_runAs, Path.Combine(bin, "postgres"),
            ["-D", _data, "-p", Port.ToString(CultureInfo.InvariantCulture), "-k", _socketDirectory,
             "-c", "listen_addresses=127.0.0.1", "-c", "fsync=on", "-c", "max_connections=300"]);
        return spec with { Environment = _options.WithEnvironment(spec.Environment) };
    }

    public async Task StartProcessAsync(CancellationToken cancellationToken = default)
    {
        ServerProcessGuard.EnsureNotRunning(Process, "PostgreSQL");
        await InstallAndInitializeAsync(cancellationToken).ConfigureAwait(false);
        Process = ManagedProcess.Start(CreateProcessSpec(), _options.Output);
        await ServerProcessGuard.WaitUntilAsync(ProbeAsync, Process, $"PostgreSQL on port {Port}", _options.StartTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>pg_isready: accepting connections (not starting up, not shutting down).</summary>
    public async Task<bool> ProbeAsync(CancellationToken cancellationToken = default)
    {
        var probe = new ProcessSpec(Path.Combine(_binDirectory ?? FindBinDirectory(), "pg_isready"),
            ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-q", "-t", "2"]);
        var (code, _) = await probe.RunToEndAsync(cancellationToken).ConfigureAwait(false);
        return code == 0;
    }

    /// <summary>Creates the database unless it exists.</summary>
    public async Task EnsureDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z_][a-z0-9_]*$"))
        {
            throw new ArgumentException($"Database name '{name}' must be lower-case letters, digits and underscores.", nameof(name));
        }
        if (await DatabaseExistsAsync(name, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        try
        {
            await PsqlAsync($"CREATE DATABASE \"{name}\"", cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Someone else may have created it meanwhile (e.g. EF's Migrate of a service already pointed at it).
            if (!await DatabaseExistsAsync(name, cancellationToken).ConfigureAwait(false))
            {
                throw;
            }
        }
    }

    private async Task<bool> DatabaseExistsAsync(string name, CancellationToken cancellationToken) =>
        (await PsqlAsync($"SELECT 1 FROM pg_database WHERE datname = '{name}'", cancellationToken).ConfigureAwait(false)).Trim() == "1";

    /// <summary>
    /// Graceful: fast shutdown (SIGINT), active transactions roll back, data is consistent.
    /// Fast: immediate shutdown (SIGQUIT), crash recovery on the next start.
    /// </summary>
    public Task StopAsync(StopMode mode = StopMode.Graceful) => Process is null
        ? Task.CompletedTask
        : mode == StopMode.Graceful
            ? Process.StopAsync(Signals.SIGINT, TimeSpan.FromSeconds(20))
            : Process.StopAsync(Signals.SIGQUIT, TimeSpan.FromSeconds(5));

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task<string> PsqlAsync(string sql, CancellationToken cancellationToken)
    {
        var spec = new ProcessSpec(Path.Combine(_binDirectory ?? FindBinDirectory(), "psql"),
            ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-tAc", sql])
        {
            Environment = new Dictionary<string, string?> { ["PGPASSWORD"] = Password },
        };
        var (code, output) = await spec.RunToEndAsync(cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            throw new InvalidOperationException($"psql failed ({code}) running '{sql}': {output}");
        }
        return output;
    }

    private static async Task InitializeAsync(string bin, string runAs, string root, string data, ServerOptions options, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(data);
        var passwordFile = Path.Combine(root, "password");
        if (runAs.Length > 0)
        {
            await ChownAsync(runAs, root, cancellationToken).ConfigureAwait(false);
        }
        var spec = AsUser(runAs, Path.Combine(bin, "initdb"),
            ["-D", data, "-U", "postgres", "--pwfile", passwordFile, "--auth-host=scram-sha-256", "--auth-local=peer", "-E", "UTF8", "--no-locale"]);
        var (code, output) = await spec.RunToEndAsync(cancellationToken).ConfigureAwait(false);
        options.Output(output, false);
        if (code != 0)
        {
            throw new InvalidOperationException($"initdb failed with exit code {code}: {output}");
        }
    }

    private static async Task ChownAsync(string user, string path, CancellationToken cancellationToken)
    {
        var (code, output) = await new ProcessSpec("/bin/chown", ["-R", $"{user}:{user}", path]).RunToEndAsync(cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            throw new InvalidOperationException($"chown {path} failed: {output}");
        }
    }

    /// <summary>Runs a program as another user with setpriv, which execs it directly (signals reach it).</summary>
    private static ProcessSpec AsUser(string user, string program, IReadOnlyList<string> arguments)
    {
        if (user.Length == 0)
        {
            return new ProcessSpec(program, arguments) { NewSession = true };
        }
        List<string> all = [$"--reuid={user}", $"--regid={user}", "--init-groups", program, .. arguments];
        return new ProcessSpec("/usr/bin/setpriv", all)
        {
            Environment = new Dictionary<string, string?> { ["HOME"] = "/var/lib/postgresql" },
            NewSession = true,
        };
    }

    /// <summary>True when every parent folder lets others through (the postgres user is an "other").</summary>
    private static bool IsReachableByOthers(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }
        for (var directory = Path.GetDirectoryName(path); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if ((File.GetUnixFileMode(directory) & UnixFileMode.OtherExecute) == 0)
            {
                return false;
            }
        }
        return true;
    }

    private static string StableName(string path)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(path));
        return Convert.ToHexString(hash, 0, 8).ToLowerInvariant();
    }

    private static string FindBinDirectory()
    {
        var versions = Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => (Path: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .Where(d => File.Exists(Path.Combine(d.Path, "bin", "postgres")))
            .OrderByDescending(d => d.Version)
            .ToList();
        return versions.Count > 0
            ? Path.Combine(versions[0].Path, "bin")
            : throw new InvalidOperationException("No PostgreSQL server binaries under /usr/lib/postgresql/*/bin.");
    }
}
