using Microsoft.EntityFrameworkCore;
using Reviews.Api.Data;
using Reviews.Api.Extensions;

namespace Reviews.Tests.Support;

/// <summary>The Reviews database on the shared test PostgreSQL: a context for a connection string, a seeded database.</summary>
public static class ReviewsDatabase
{
    public static ReviewsDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<ReviewsDbContext>().UseReviewsDatabase(connectionString).Options);

    /// <summary>A new database, migrated and seeded with the real parties.</summary>
    public static async Task<string> NewSeededDatabaseAsync(this PostgresFixture postgres, TimeProvider time)
    {
        var connectionString = await postgres.NewDatabaseAsync();
        await using var db = Context(connectionString);
        await ReviewsDbSeeder.MigrateAndSeedAsync(db);
        return connectionString;
    }
}
