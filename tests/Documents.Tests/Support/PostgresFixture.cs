using Documents.Api.Data;
using Documents.Api.Extensions;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.LocalServers;

namespace Documents.Tests.Support;

/// <summary>One real PostgreSQL server for the data and use-case tests (free port, data under /tmp); a database per test.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"documents-tests-{Guid.NewGuid():N}");
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

    public async Task<string> NewDatabaseAsync()
    {
        var name = $"documents_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..40];
        await Server.EnsureDatabaseAsync(name);
        return Server.GetConnectionString(name);
    }

    public static DocumentsDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<DocumentsDbContext>().UseDocumentsDatabase(connectionString).Options);
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
