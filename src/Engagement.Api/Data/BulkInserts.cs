using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Engagement.Api.Data;

/// <summary>
/// Writes the entities of one type that a context holds as Added with PostgreSQL's binary COPY, inside the context's
/// open transaction, and stops tracking them: for a batch of hundreds of rows this costs a fraction of what
/// <c>SaveChanges</c> spends building and PostgreSQL spends planning one INSERT per row. The columns, the value
/// conversions (e.g. enums stored as text) and the store types come from the context's model, so a row is the one
/// <c>SaveChanges</c> would write; identity columns and xmin are left to the database.
/// </summary>
public static class BulkInserts
{
    public static async Task<int> CopyAddedAsync<TEntity>(this DbContext db, CancellationToken ct)
        where TEntity : class
    {
        var added = db.ChangeTracker.Entries<TEntity>().Where(e => e.State == EntityState.Added).ToList();
        if (added.Count == 0)
        {
            return 0;
        }
        var entityType = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = Columns(entityType, table);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var copy = $"COPY {Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using (var importer = await connection.BeginBinaryImportAsync(copy, ct))
        {
            foreach (var entry in added)
            {
                await importer.StartRowAsync(ct);
                foreach (var column in columns)
                {
                    var value = column.Read(entry);
                    if (value is null)
                    {
                        await importer.WriteNullAsync(ct);
                    }
                    else
                    {
                        await importer.WriteAsync(value, column.StoreType, ct);
                    }
                }
            }
            await importer.CompleteAsync(ct);
        }
        foreach (var entry in added)
        {
            entry.State = EntityState.Detached;
        }
        return added.Count;
    }

    private sealed record Column(string Name, string StoreType, Func<EntityEntry, object?> Read);

    private static List<Column> Columns(IEntityType entityType, StoreObjectIdentifier table)
    {
        var columns = new List<Column>();
        foreach (var property in entityType.GetProperties())
        {
            if (IsWrittenByDatabase(property, table))
            {
                continue;
            }
            columns.Add(Describe(property, table, entry => entry.Property(property.Name).CurrentValue));
        }
        foreach (var complex in entityType.GetComplexProperties())
        {
            foreach (var property in complex.ComplexType.GetProperties())
            {
                columns.Add(Describe(property, table, entry => entry.ComplexProperty(complex.Name).Property(property.Name).CurrentValue));
            }
        }
        return columns;
    }

    private static Column Describe(IProperty property, StoreObjectIdentifier table, Func<EntityEntry, object?> read)
    {
        var mapping = property.GetRelationalTypeMapping();
        var converter = mapping.Converter;
        // The store type without a length (COPY names types, e.g. character varying for character varying(300)).
        var storeType = mapping.StoreTypeNameBase;
        return new Column(property.GetColumnName(table)!, storeType,
            converter is null ? read : entry => read(entry) is { } value ? converter.ConvertToProvider(value) : null);
    }

    private static bool IsWrittenByDatabase(IProperty property, StoreObjectIdentifier table) =>
        property.GetColumnName(table) == "xmin"
        || property.GetValueGenerationStrategy() is NpgsqlValueGenerationStrategy.IdentityAlwaysColumn
            or NpgsqlValueGenerationStrategy.IdentityByDefaultColumn or NpgsqlValueGenerationStrategy.SerialColumn;

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
