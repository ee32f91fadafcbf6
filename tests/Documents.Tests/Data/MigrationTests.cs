using Documents.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Documents.Tests.Data;

[Collection(PostgresCollection.Name)]
public class MigrationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task TheHandWrittenMigrationsBuildExactlyTheSchemaOfTheModel()
    {
        var migrated = await postgres.NewDatabaseAsync();
        var modeled = await postgres.NewDatabaseAsync();
        await using (var db = PostgresFixture.Context(migrated))
        {
            await db.Database.MigrateAsync();
        }
        await using (var db = PostgresFixture.Context(modeled))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var fromMigration = await SchemaAsync(migrated);
        var fromModel = await SchemaAsync(modeled);

        Assert.True(fromModel.Count > 60, $"only {fromModel.Count} schema rows read");
        Assert.Empty(fromMigration.Except(fromModel));
        Assert.Empty(fromModel.Except(fromMigration));
    }

    private static async Task<List<string>> SchemaAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var rows = new List<string>();
        const string Columns = """
            select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(character_maximum_length, 0)
                   || ' ' || udt_name || ' ' || is_generated || ' ' || coalesce(generation_expression, '')
            from information_schema.columns where table_schema = 'public' and table_name <> '__EFMigrationsHistory'
            """;
        const string Indexes = "select indexname || ' ' || indexdef from pg_indexes where schemaname = 'public' and tablename <> '__EFMigrationsHistory'";
        const string Constraints = """
            select conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
            where connamespace = 'public'::regnamespace and conrelid::regclass::text <> '"__EFMigrationsHistory"'
            """;
        foreach (var sql in new[] { Columns, Indexes, Constraints })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }
        }
        return rows;
    }
}
