using Microsoft.EntityFrameworkCore;
using Reviews.Api.Domain.Parties;

namespace Reviews.Api.Data;

/// <summary>Applies the migrations and, on an empty database, loads the parties of the embedded data file.</summary>
public static class ReviewsDbSeeder
{
    public static async Task MigrateAndSeedAsync(ReviewsDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (await db.Parties.AnyAsync(cancellationToken))
        {
            return;
        }
        db.Parties.AddRange(PartySeedLoader.LoadEmbedded());
        await db.SaveChangesAsync(cancellationToken);
    }
}
