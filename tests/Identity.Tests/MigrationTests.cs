using Identity.Api.Data;
using Identity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Identity.Tests;

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(PostgresFixture postgres)
{
    /// <summary>The hand-written migrations must build exactly the schema EF Core derives from the model.</summary>
    [Fact]
    public async Task HandWrittenMigrationsBuildTheSchemaOfTheModel()
    {
        await using var app = await IdentityApp.StartAsync(postgres); // applies the migrations at start
        var migrated = new NpgsqlConnectionStringBuilder(await app.WithScopeAsync(sp =>
            Task.FromResult(sp.GetRequiredService<IdentityDb>().Database.GetConnectionString()!)));

        var fromModel = await postgres.CreateDatabaseAsync();
        var options = new DbContextOptionsBuilder<IdentityDb>().UseNpgsql(fromModel)
            .UseApplicationServiceProvider(app.Services).Options;
        await using (var db = new IdentityDb(options))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var expected = await DescribeAsync(fromModel);
        var actual = await DescribeAsync(migrated.ConnectionString);
        actual.Remove("table __EFMigrationsHistory");
        actual.RemoveWhere(l => l.Contains("__EFMigrationsHistory"));
        Assert.Equal(expected.Order(), actual.Order());
    }

    private static async Task<HashSet<string>> DescribeAsync(string connectionString)
    {
        var lines = new HashSet<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        async Task Read(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        }
        await Read("""
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                   || ' null=' || is_nullable || ' identity=' || is_identity || ' default=' || coalesce(column_default, '')
            FROM information_schema.columns WHERE table_schema = 'public'
            """);
        await Read("SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'");
        await Read("""
            SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace
            """);
        return lines;
    }
}
