using Npgsql;
using ReviewMechanism.LocalServers;

namespace Identity.Tests.Infrastructure;

/// <summary>
/// One real PostgreSQL server for the test run (Debian's package, run by ReviewMechanism.LocalServers as the AppHost
/// runs it) on a free port, data under /tmp/identity-pg-*, stopped and deleted at the end. Each test gets its own
/// database.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"identity-pg-{Guid.NewGuid():N}");
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("PostgreSQL is not started.");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync(new ServerOptions(_folder));

    /// <summary>A new, empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "identity_" + Guid.NewGuid().ToString("N")[..12];
        await Server.EnsureDatabaseAsync(name);
        return Server.GetConnectionString(name);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_server is not null) await _server.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the stopping server: the folder is under /tmp and harmless.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
