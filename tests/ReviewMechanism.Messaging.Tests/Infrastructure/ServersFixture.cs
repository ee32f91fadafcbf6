using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ReviewMechanism.LocalServers;
using ReviewMechanism.Messaging.Tests.Data;

namespace ReviewMechanism.Messaging.Tests.Infrastructure;

/// <summary>A real PostgreSQL and a real RabbitMQ, shared by the tests of one class.</summary>
public sealed class ServersFixture : IAsyncLifetime
{
    private readonly TempFolder _postgresFolder = new("pg");
    private readonly TempFolder _rabbitFolder = new("rmq");
    private int _databases;

    public TestOutput Output { get; } = new();

    public PostgresServer Postgres { get; private set; } = null!;

    public RabbitMqServer RabbitMq { get; private set; } = null!;

    public string RabbitMqDataDirectory => _rabbitFolder.Path;

    public async Task InitializeAsync()
    {
        var postgres = PostgresServer.StartAsync(Options(_postgresFolder.Path, "postgres"));
        var rabbit = RabbitMqServer.StartAsync(Options(_rabbitFolder.Path, "rabbitmq"));
        Postgres = await postgres;
        RabbitMq = await rabbit;
    }

    /// <summary>Stops RabbitMQ (gracefully) and starts it again on the same data folder and port.</summary>
    public async Task StopRabbitMqAsync() => await RabbitMq.StopAsync();

    public async Task StartRabbitMqAgainAsync()
    {
        RabbitMq = await RabbitMqServer.StartAsync(Options(_rabbitFolder.Path, "rabbitmq") with { Port = RabbitMq.Port });
    }

    /// <summary>A fresh database with the test service's migrations applied.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"svc{Interlocked.Increment(ref _databases)}";
        await Postgres.EnsureDatabaseAsync(name);
        var connectionString = Postgres.GetConnectionString(name);
        var options = new DbContextOptionsBuilder<TestServiceContext>()
            .UseNpgsql(connectionString)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options;
        await using var db = new TestServiceContext(options);
        await db.Database.MigrateAsync();
        return connectionString;
    }

    public async Task DisposeAsync()
    {
        if (RabbitMq is not null)
        {
            await RabbitMq.DisposeAsync();
        }
        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }
        _postgresFolder.Dispose();
        _rabbitFolder.Dispose();
    }

    private ServerOptions Options(string folder, string name) =>
        new(folder) { Output = (line, _) => Output.WriteLine($"[{name}] {line}") };
}
