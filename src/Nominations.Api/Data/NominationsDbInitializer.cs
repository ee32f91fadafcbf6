using Microsoft.EntityFrameworkCore;

namespace Nominations.Api.Data;

/// <summary>Seeds the parties read-model from the party list when it is empty (after the migrations ran).</summary>
public static class NominationsDbInitializer
{
    public static async Task SeedAsync(NominationsDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Parties.AnyAsync(cancellationToken))
        {
            db.Parties.AddRange(PartySeed.Load());
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
