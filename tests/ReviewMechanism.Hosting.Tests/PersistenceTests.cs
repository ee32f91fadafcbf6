using Npgsql;
using ReviewMechanism.Hosting.Testing;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace ReviewMechanism.Hosting.Tests;

public sealed class PersistenceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task DataAndPasswordsSurviveAnAppHostRestart()
    {
        using var folder = new TempFolder("apphost-data");
        string firstConnectionString;
        await using (var first = await Build(folder).StartAsync())
        {
            firstConnectionString = first.GetConnectionString("reportingdb");
            await using var connection = new NpgsqlConnection(firstConnectionString + ";Pooling=false");
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE country_review (party text); INSERT INTO country_review VALUES ('AUT');", connection);
            await create.ExecuteNonQueryAsync();
            using var redis = await ConnectionMultiplexer.ConnectAsync(first.GetConnectionString("redis"));
            await redis.GetDatabase().StringSetAsync("drawing-of-lots", "done");
        }

        await using var second = await Build(folder).StartAsync();
        var password = new NpgsqlConnectionStringBuilder(second.GetConnectionString("reportingdb")).Password;
        Assert.Equal(new NpgsqlConnectionStringBuilder(firstConnectionString).Password, password);
        await using var again = new NpgsqlConnection(second.GetConnectionString("reportingdb") + ";Pooling=false");
        await again.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT party FROM country_review", again);
        Assert.Equal("AUT", await read.ExecuteScalarAsync());
        using var redisAgain = await ConnectionMultiplexer.ConnectAsync(second.GetConnectionString("redis"));
        Assert.Equal("done", (string?)await redisAgain.GetDatabase().StringGetAsync("drawing-of-lots"));
    }

    private IDistributedApplicationTestingBuilder Build(TempFolder folder)
    {
        var builder = DistributedApplicationTestingBuilder.Create(configure: o =>
        {
            o.DataDirectory = folder.Path;
            o.DeleteDataDirectoryOnDispose = false;
            o.StopMode = Servers.StopMode.Graceful;
            o.LogSink = TestOutputSink.For(output);
        });
        builder.AddPostgres("postgres").AddDatabase("reportingdb");
        builder.AddRedis("redis");
        return builder;
    }
}
