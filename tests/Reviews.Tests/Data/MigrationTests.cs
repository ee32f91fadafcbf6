using Microsoft.EntityFrameworkCore;
using Reviews.Api.Data;
using Reviews.Tests.Support;

namespace Reviews.Tests.Data;

[Collection(PostgresCollection.Name)]
public class MigrationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task TheHandWrittenMigrationBuildsExactlyTheSchemaOfTheModel()
    {
        await DatabaseSchema.AssertMigrationsBuildTheModelAsync(postgres, ReviewsDatabase.Context, atLeast: 100);
    }

    [Fact]
    public async Task FirstStartLoadsThePartiesOnceAndASecondStartChangesNothing()
    {
        var connectionString = await postgres.NewDatabaseAsync();
        await using (var db = ReviewsDatabase.Context(connectionString))
        {
            await ReviewsDbSeeder.MigrateAndSeedAsync(db);
        }
        await using (var db = ReviewsDatabase.Context(connectionString))
        {
            await ReviewsDbSeeder.MigrateAndSeedAsync(db);
            Assert.Equal(191, await db.Parties.CountAsync());
            var germany = await db.Parties.SingleAsync(p => p.Iso3 == "DEU");
            Assert.Equal(new DateOnly(2021, 10, 14), germany.Ratifications.Single(r => r.Instrument == Reviews.Api.Domain.Parties.Instrument.Fir).Date);
            Assert.Equal(42, (await db.Parties.ToListAsync()).Count(p => !p.DoubtfulInstruments.IsEmpty));
        }
    }
}
