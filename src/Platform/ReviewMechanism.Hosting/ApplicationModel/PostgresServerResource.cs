using ReviewMechanism.Hosting.Servers;

namespace ReviewMechanism.Hosting.ApplicationModel;

/// <summary>A PostgreSQL server; its databases are child resources.</summary>
public sealed class PostgresServerResource(string name) : LocalServerResource(name)
{
    private readonly List<PostgresDatabaseResource> _databases = [];

    public IReadOnlyList<PostgresDatabaseResource> Databases => _databases;

    public PostgresServer? PostgresServer => Server as PostgresServer;

    /// <summary>The connection string to the server's maintenance database, <c>postgres</c>.</summary>
    public override string? ConnectionString => PostgresServer?.GetConnectionString("postgres");

    internal void AddDatabase(PostgresDatabaseResource database) => _databases.Add(database);

    protected override async Task<ILocalServer> PrepareServerAsync(ServerOptions options, CancellationToken cancellationToken) =>
        await PostgresServer.PrepareAsync(options, cancellationToken).ConfigureAwait(false);
}
