using Microsoft.EntityFrameworkCore;

namespace Nominations.Api.Data;

/// <summary>Applies the migrations at start and seeds the parties read-model when it is empty.</summary>
public static class NominationsDbInitializer
{
    public static async Task InitializeAsync(NominationsDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (!await db.Parties.AnyAsync(cancellationToken))
        {
            db.Parties.AddRange(PartySeed.Load());
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
