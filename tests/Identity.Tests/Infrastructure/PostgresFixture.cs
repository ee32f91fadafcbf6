using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Identity.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL 15 server for the test run: initdb + pg_ctl on a random port, data under
/// /tmp/identity-pg-*, stopped and deleted at the end. Each test gets its own database.
/// (To be replaced by ReviewMechanism.Hosting's PostgresServer when it is on main.)
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"identity-pg-{Guid.NewGuid():N}");
    private string DataDir => Path.Combine(_root, "data");
    public int Port { get; private set; }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Pooling = true }.ToString();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        Port = FreePort();
        if (IsRoot) await RunAsync("chown", "-R", "postgres", _root);
        await RunAsPostgresAsync(Tool("initdb"), "-D", DataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-sync");
        await RunAsPostgresAsync(Tool("pg_ctl"), "-D", DataDir, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300", "start");
    }

    public async Task<string> CreateDatabaseAsync()
    {
        var name = "identity_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsPostgresAsync(Tool("pg_ctl"), "-D", DataDir, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string Tool(string name)
    {
        foreach (var dir in new[] { "/usr/lib/postgresql/15/bin", "/usr/local/bin", "/usr/bin" })
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path)) return path;
        }
        return name;
    }

    private static Task RunAsPostgresAsync(string tool, params string[] args) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", tool, .. args]) : RunAsync(tool, args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await stdout} {await stderr}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
