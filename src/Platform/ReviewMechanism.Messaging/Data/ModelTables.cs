using Microsoft.EntityFrameworkCore;

namespace ReviewMechanism.Messaging.Data;

internal static class ModelTables
{
    /// <summary>The entity's table as the model maps it (schema included), quoted for SQL.</summary>
    public static string Quoted(DbContext db, Type entity)
    {
        var entityType = db.Model.FindEntityType(entity)
            ?? throw new InvalidOperationException($"{db.GetType().Name} has no {entity.Name} entity: call modelBuilder.AddOutboxAndInbox() in its OnModelCreating.");
        var name = entityType.GetTableName()!;
        var schema = entityType.GetSchema();
        return schema is null ? $"\"{name}\"" : $"\"{schema}\".\"{name}\"";
    }
}
