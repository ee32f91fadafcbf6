using Microsoft.EntityFrameworkCore;
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
    /// <summary>Rows are written in the order the entities were added, or by <paramref name="order"/> when given.</summary>
    public static async Task<int> CopyAddedAsync<TEntity>(this DbContext db, CancellationToken ct, Func<TEntity, IComparable>? order = null)
        where TEntity : class
    {
        // Added entities need no change detection (Entries() and Entry() would otherwise scan tracked entities first).
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var entries = db.ChangeTracker.Entries<TEntity>().Where(e => e.State == EntityState.Added).Select(e => e.Entity);
            var added = (order is null ? entries : entries.OrderBy(order)).ToList();
            if (added.Count > 0)
            {
                await CopyAsync(db, added, ct);
            }
            foreach (var entity in added)
            {
                db.Entry(entity).State = EntityState.Detached;
            }
            return added.Count;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private static async Task CopyAsync<TEntity>(DbContext db, List<TEntity> added, CancellationToken ct)
        where TEntity : class
    {
        var entityType = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = Columns(entityType, table);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var copy = $"COPY {Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var entity in added)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                var value = column.Read(entity);
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

    private sealed record Column(string Name, string StoreType, Func<object, object?> Read);

    private static List<Column> Columns(IEntityType entityType, StoreObjectIdentifier table)
    {
        var columns = new List<Column>();
        foreach (var property in entityType.GetProperties())
        {
            if (IsWrittenByDatabase(property, table))
            {
                continue;
            }
            var getter = property.GetGetter();
            columns.Add(Describe(property, table, getter.GetClrValueUsingContainingEntity));
        }
        foreach (var complex in entityType.GetComplexProperties())
        {
            foreach (var property in complex.ComplexType.GetProperties())
            {
                var getter = property.GetGetter();
                columns.Add(Describe(property, table, getter.GetClrValueUsingContainingEntity));
            }
        }
        return columns;
    }

    private static Column Describe(IProperty property, StoreObjectIdentifier table, Func<object, object?> read)
    {
        var mapping = property.GetRelationalTypeMapping();
        var converter = mapping.Converter;
        // The store type without a length (COPY names types, e.g. character varying for character varying(300)).
        var storeType = mapping.StoreTypeNameBase;
        return new Column(property.GetColumnName(table)!, storeType,
            converter is null ? read : entity => read(entity) is { } value ? converter.ConvertToProvider(value) : null);
    }

    private static bool IsWrittenByDatabase(IProperty property, StoreObjectIdentifier table) =>
        property.GetColumnName(table) == "xmin"
        || property.GetValueGenerationStrategy() is NpgsqlValueGenerationStrategy.IdentityAlwaysColumn
            or NpgsqlValueGenerationStrategy.IdentityByDefaultColumn or NpgsqlValueGenerationStrategy.SerialColumn;

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
