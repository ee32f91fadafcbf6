using ReviewMechanism.LocalServers;

namespace Engagement.Tests.Support;

/// <summary>
/// One real PostgreSQL server (Debian's package, started as a local process) for the data and use-case tests, on a
/// free port with its data under /tmp/engagement-tests-*; every test gets its own database.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"engagement-tests-{Guid.NewGuid():N}");
    private PostgresServer? _server;
    private int _databases;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("PostgreSQL is not started.");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync(new ServerOptions(_folder));

    public async Task DisposeAsync()
    {
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

    /// <summary>A new, empty database; its connection string.</summary>
    public async Task<string> NewDatabaseAsync()
    {
        var name = $"engagement_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..40];
        await Server.EnsureDatabaseAsync(name);
        return Server.GetConnectionString(name);
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
