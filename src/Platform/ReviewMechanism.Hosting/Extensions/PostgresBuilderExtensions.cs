using ReviewMechanism.Hosting.ApplicationModel;

namespace ReviewMechanism.Hosting;

public static class PostgresBuilderExtensions
{
    /// <summary>A PostgreSQL server (Debian's postgresql package), data in <c>{data folder}/{name}</c>.</summary>
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this IDistributedApplicationBuilder builder, string name, int? port = null) =>
        builder.AddResource(new PostgresServerResource(name) { Port = port });

    /// <summary>A database, created on the server once it is healthy; connection string <c>ConnectionStrings__{name}</c>.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> builder, string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, builder.Resource);
        builder.Resource.AddDatabase(database);
        return builder.ApplicationBuilder.AddResource(database);
    }
}
