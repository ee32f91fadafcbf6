using ReviewMechanism.Hosting.Processes;

namespace ReviewMechanism.Hosting.Servers;

/// <summary>
/// A PostgreSQL server from Debian's postgresql package, run as a child process with its cluster in
/// a data folder (initialised on first start, kept across restarts). As root it runs as the
/// <c>postgres</c> user, since initdb and postgres refuse root.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string Package = "postgresql";
    private readonly string _binDirectory;
    private readonly string _runAs;

    private PostgresServer(string binDirectory, string runAs, int port, string password, ManagedProcess process)
    {
        _binDirectory = binDirectory;
        _runAs = runAs;
        Port = port;
        Password = password;
        Process = process;
    }

    public int Port { get; }

    public string Password { get; }

    public ManagedProcess Process { get; }

    public string GetConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Password={Password};Database={database}";

    public static async Task<PostgresServer> StartAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        await DebianPackages.EnsureInstalledAsync("/usr/lib/postgresql", Package, line => options.Output(line, false), cancellationToken).ConfigureAwait(false);
        var bin = FindBinDirectory();
        var root = Path.GetFullPath(options.DataDirectory);
        var data = Path.Combine(root, "data");
        var run = Path.Combine(root, "run");
        var runAs = Signals.IsRoot ? "postgres" : "";
        Directory.CreateDirectory(run);
        var password = SecretStore.GetOrCreate(Path.Combine(root, "password"));
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            await InitializeAsync(bin, runAs, root, data, options, cancellationToken).ConfigureAwait(false);
        }
        if (runAs.Length > 0)
        {
            await ChownAsync(runAs, run, cancellationToken).ConfigureAwait(false);
        }
        var port = options.Port == 0 ? PortAllocator.GetFreePort() : options.Port;
        var spec = AsUser(runAs, Path.Combine(bin, "postgres"),
            ["-D", data, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", run,
             "-c", "listen_addresses=127.0.0.1", "-c", "fsync=on", "-c", "max_connections=300"]);
        var process = ManagedProcess.Start(spec, options.Output);
        var server = new PostgresServer(bin, runAs, port, password, process);
        await server.WaitReadyAsync(options.StartTimeout, cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <summary>Creates the database unless it exists.</summary>
    public async Task EnsureDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z_][a-z0-9_]*$"))
        {
            throw new ArgumentException($"Database name '{name}' must be lower-case letters, digits and underscores.", nameof(name));
        }
        var exists = await PsqlAsync($"SELECT 1 FROM pg_database WHERE datname = '{name}'", cancellationToken).ConfigureAwait(false);
        if (exists.Trim() != "1")
        {
            await PsqlAsync($"CREATE DATABASE \"{name}\"", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Fast shutdown (SIGINT): active transactions roll back, data is consistent.</summary>
    public Task StopAsync() => Process.StopAsync(Signals.SIGINT, TimeSpan.FromSeconds(20));

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task<string> PsqlAsync(string sql, CancellationToken cancellationToken)
    {
        var spec = new ProcessSpec(Path.Combine(_binDirectory, "psql"),
            ["-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-tAc", sql])
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

    private async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        var probe = new ProcessSpec(Path.Combine(_binDirectory, "pg_isready"),
            ["-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-q"]);
        while (true)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"PostgreSQL exited with code {Process.Exited.Result} while starting; see its output.");
            }
            try
            {
                var (code, _) = await probe.RunToEndAsync(timer.Token).ConfigureAwait(false);
                if (code == 0)
                {
                    return;
                }
                await Task.Delay(100, timer.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"PostgreSQL did not accept connections on port {Port} within {timeout.TotalSeconds:0} s.");
            }
        }
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
            return new ProcessSpec(program, arguments);
        }
        List<string> all = [$"--reuid={user}", $"--regid={user}", "--init-groups", program, .. arguments];
        return new ProcessSpec("/usr/bin/setpriv", all) { Environment = new Dictionary<string, string?> { ["HOME"] = "/var/lib/postgresql" } };
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
