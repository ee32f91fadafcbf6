using Aspire.Hosting.ApplicationModel;
using ReviewMechanism.LocalServers;

namespace ReviewMechanism.LocalServers.Hosting;

/// <summary>PostgreSQL; its connection string names the <c>postgres</c> database (each service gets its own, see <see cref="PostgresDatabaseResource"/>).</summary>
public sealed class PostgresServerResource(string name, PostgresServer server, string workingDirectory)
    : LocalServerResource(name, server, workingDirectory)
{
    public new PostgresServer Server { get; } = server;

    internal List<PostgresDatabaseResource> Databases { get; } = [];

    public override ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Server.GetConnectionString("postgres")}");
}

/// <summary>A database of a <see cref="PostgresServerResource"/>, created once the server is healthy.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
    : Resource(name), IResourceWithParent<PostgresServerResource>, IResourceWithConnectionString
{
    public string DatabaseName { get; } = databaseName;

    public PostgresServerResource Parent { get; } = parent;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent.Server.GetConnectionString(DatabaseName)}");
}

/// <summary>A RabbitMQ node; connection string <c>amqp://user:password@127.0.0.1:port/</c>.</summary>
public sealed class RabbitMqServerResource(string name, RabbitMqServer server, string workingDirectory)
    : LocalServerResource(name, server, workingDirectory)
{
    public new RabbitMqServer Server { get; } = server;

    public override ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Server.ConnectionString}");
}

/// <summary>A Redis server; connection string <c>127.0.0.1:port,password=...</c>.</summary>
public sealed class RedisServerResource(string name, RedisServer server, string workingDirectory)
    : LocalServerResource(name, server, workingDirectory)
{
    public new RedisServer Server { get; } = server;

    public override ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Server.ConnectionString}");
}

/// <summary>The development mail server (smtp4dev); connection string <c>smtp://127.0.0.1:port</c>, web page on its <c>http</c> endpoint.</summary>
public sealed class MailServerResource(string name, MailServer server, string workingDirectory)
    : LocalServerResource(name, server, workingDirectory)
{
    public new MailServer Server { get; } = server;

    public override ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Server.ConnectionString}");
}

/// <summary>The epmd of a RabbitMQ node, run in the foreground so that it stops with the application.</summary>
public sealed class EpmdResource(string name, string workingDirectory)
    : ExecutableResource(name, "/usr/bin/epmd", workingDirectory);
