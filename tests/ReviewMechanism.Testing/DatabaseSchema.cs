using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit;

namespace ReviewMechanism.Testing;

/// <summary>
/// The schema of a database as comparable lines (columns with type, nullability, length, precision, identity, default
/// and generation; indexes; constraints), without EF Core's migrations history: what a service's migrations build
/// must equal what EF Core derives from its model (<c>EnsureCreated</c>).
/// </summary>
public static class DatabaseSchema
{
    private const string Columns = """
        select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || udt_name
               || ' null=' || is_nullable || ' length=' || coalesce(character_maximum_length, 0)
               || ' precision=' || coalesce(numeric_precision, 0) || ' identity=' || is_identity
               || ' default=' || coalesce(column_default, '') || ' generated=' || is_generated || ' ' || coalesce(generation_expression, '')
        from information_schema.columns where table_schema = 'public' and table_name <> '__EFMigrationsHistory'
        """;

    private const string Indexes = """
        select 'index ' || indexname || ' ' || indexdef from pg_indexes
        where schemaname = 'public' and tablename <> '__EFMigrationsHistory'
        """;

    private const string Constraints = """
        select 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
        where connamespace = 'public'::regnamespace and conrelid::regclass::text <> '"__EFMigrationsHistory"'
        """;

    public static async Task<IReadOnlyList<string>> DescribeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var rows = new List<string>();
        foreach (var sql in new[] { Columns, Indexes, Constraints })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>Fails naming every line one schema has and the other lacks; and when fewer than <paramref name="atLeast"/> lines were read.</summary>
    public static async Task AssertSameAsync(string fromModel, string fromMigrations, int atLeast)
    {
        var expected = await DescribeAsync(fromModel);
        var actual = await DescribeAsync(fromMigrations);
        Assert.True(expected.Count >= atLeast, $"only {expected.Count} schema rows read");
        Assert.Empty(actual.Except(expected));
        Assert.Empty(expected.Except(actual));
    }

    /// <summary>
    /// Migrates one new database and lets EF Core create another from the model (<c>EnsureCreated</c>); their schemas
    /// must be the same (for services whose migrations are written by hand).
    /// </summary>
    public static async Task AssertMigrationsBuildTheModelAsync(PostgresFixture postgres, Func<string, DbContext> context, int atLeast)
    {
        var migrated = await postgres.NewDatabaseAsync();
        var modeled = await postgres.NewDatabaseAsync();
        await using (var db = context(migrated))
        {
            await db.Database.MigrateAsync();
        }
        await using (var db = context(modeled))
        {
            await db.Database.EnsureCreatedAsync();
        }
        await AssertSameAsync(modeled, migrated, atLeast);
    }
}
