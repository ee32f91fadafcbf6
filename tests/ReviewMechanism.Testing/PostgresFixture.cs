using Npgsql;
using ReviewMechanism.LocalServers;
using Xunit;

namespace ReviewMechanism.Testing;

/// <summary>
/// One real PostgreSQL server for a test run (Debian's package, run by ReviewMechanism.LocalServers as the AppHost runs
/// it) on a free port, its data under /tmp/pg-tests-*, stopped and deleted at the end; every test gets its own database.
/// Share it in a test project with a collection: <c>[CollectionDefinition(PostgresCollection.Name)] public sealed class
/// PostgresCollection : ICollectionFixture&lt;PostgresFixture&gt;</c>.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"pg-tests-{Guid.NewGuid():N}");
    private PostgresServer? _server;
    private int _databases;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("PostgreSQL is not started.");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync(new ServerOptions(_folder));

    /// <summary>A new, empty database; its connection string.</summary>
    public async Task<string> NewDatabaseAsync()
    {
        var name = $"test_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"; // at most 63 characters
        await Server.EnsureDatabaseAsync(name);
        return Server.GetConnectionString(name);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
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
