namespace ReviewMechanism.Hosting.ApplicationModel;

/// <summary>A database in a PostgreSQL server, created when the server is first healthy.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
    : Resource(name), IResourceWithConnectionString, IResourceWithParent, IResourceWithWaitSupport
{
    public string DatabaseName { get; } = databaseName;

    public PostgresServerResource Server { get; } = parent;

    IResource IResourceWithParent.Parent => Server;

    /// <summary>The Npgsql connection string, e.g. <c>Host=127.0.0.1;Port=...;Username=postgres;Password=...;Database=reviewsdb</c>.</summary>
    public string? ConnectionString => Server.PostgresServer?.GetConnectionString(DatabaseName);
}
