using ReviewMechanism.LocalServers;

namespace Reporting.Tests.Support;

/// <summary>
/// A real PostgreSQL and a real Redis (Debian's packages run as local processes on free ports, data under /tmp),
/// shared by the tests of the collection; every test gets its own database and its own cache key prefix.
/// </summary>
public sealed class ServersFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"reporting-tests-{Guid.NewGuid():N}");
    private int _databases;

    public PostgresServer Postgres { get; private set; } = null!;

    public RedisServer Redis { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var postgres = PostgresServer.StartAsync(new ServerOptions(Path.Combine(_folder, "pg")));
        var redis = RedisServer.StartAsync(new ServerOptions(Path.Combine(_folder, "redis")));
        Postgres = await postgres;
        Redis = await redis;
    }

    public async Task DisposeAsync()
    {
        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }
        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a stopping server: the folder is under /tmp and harmless.
        }
    }

    /// <summary>A new, empty database; its connection string.</summary>
    public async Task<string> NewDatabaseAsync()
    {
        var name = $"reporting_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..40];
        await Postgres.EnsureDatabaseAsync(name);
        return Postgres.GetConnectionString(name);
    }
}

[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<ServersFixture>
{
    public const string Name = "PostgreSQL and Redis";
}
