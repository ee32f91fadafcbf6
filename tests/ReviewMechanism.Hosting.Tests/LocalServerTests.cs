using Npgsql;
using RabbitMQ.Client;
using ReviewMechanism.Hosting.Servers;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace ReviewMechanism.Hosting.Tests;

public sealed class LocalServerTests(ITestOutputHelper output)
{
    private ServerOptions Options(TempFolder folder) => new(folder.Path) { Output = (line, _) => Log(line) };

    [Fact]
    public async Task PostgresKeepsItsDataAcrossARestart()
    {
        using var folder = new TempFolder("pg");
        await using (var first = await PostgresServer.StartAsync(Options(folder)))
        {
            await first.EnsureDatabaseAsync("reviewsdb");
            await using var connection = new NpgsqlConnection(first.GetConnectionString("reviewsdb"));
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE party (iso3 text primary key); INSERT INTO party VALUES ('AUT');", connection);
            await create.ExecuteNonQueryAsync();
        }

        await using var second = await PostgresServer.StartAsync(Options(folder));
        await second.EnsureDatabaseAsync("reviewsdb");
        await using var again = new NpgsqlConnection(second.GetConnectionString("reviewsdb"));
        await again.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT iso3 FROM party", again);
        Assert.Equal("AUT", await read.ExecuteScalarAsync());
    }

    [Fact]
    public async Task PostgresRefusesAWrongPassword()
    {
        using var folder = new TempFolder("pgpw");
        await using var server = await PostgresServer.StartAsync(Options(folder));
        var wrong = server.GetConnectionString("postgres").Replace(server.Password, "not-the-password", StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(wrong);
        await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
    }

    [Fact]
    public async Task RabbitMqDeliversAMessageToItsGeneratedUser()
    {
        using var folder = new TempFolder("rmq");
        await using var server = await RabbitMqServer.StartAsync(Options(folder));
        var factory = new ConnectionFactory { Uri = new Uri(server.ConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync("pairings", durable: false, exclusive: false, autoDelete: true);
        await channel.BasicPublishAsync("", "pairings", "drawn"u8.ToArray());
        BasicGetResult? result = null;
        for (var i = 0; i < 50 && result is null; i++)
        {
            result = await channel.BasicGetAsync("pairings", autoAck: true);
            if (result is null)
            {
                await Task.Delay(50);
            }
        }
        Assert.NotNull(result);
        Assert.Equal("drawn", System.Text.Encoding.UTF8.GetString(result.Body.Span));
    }

    [Fact]
    public async Task RedisAnswersWithThePasswordAndKeepsDataAcrossARestart()
    {
        using var folder = new TempFolder("redis");
        await using (var first = await RedisServer.StartAsync(Options(folder)))
        {
            using var mux = await ConnectionMultiplexer.ConnectAsync(first.ConnectionString);
            await mux.GetDatabase().StringSetAsync("phase", "1");
        }

        await using var second = await RedisServer.StartAsync(Options(folder));
        using var again = await ConnectionMultiplexer.ConnectAsync(second.ConnectionString);
        Assert.Equal("1", (string?)await again.GetDatabase().StringGetAsync("phase"));
        Assert.False(await new RedisServer_WithoutPassword(second.Port).PingAsync());
    }

    private void Log(string line)
    {
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test already ended; late output lines are dropped.
        }
    }

    private sealed class RedisServer_WithoutPassword(int port)
    {
        public async Task<bool> PingAsync()
        {
            using var client = new System.Net.Sockets.TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[128];
            var read = await stream.ReadAsync(buffer);
            return System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
    }
}
