using Microsoft.EntityFrameworkCore;
using Nominations.Tests.Support;

namespace Nominations.Tests.Data;

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task TheHandWrittenMigrationsBuildExactlyTheSchemaOfTheModel()
    {
        await DatabaseSchema.AssertMigrationsBuildTheModelAsync(postgres, NominationsDatabase.Context, atLeast: 60);
    }

    [Fact]
    public async Task TheFirstStartLoadsThePartyListOnceAndASecondStartChangesNothing()
    {
        var connectionString = await postgres.NewSeededDatabaseAsync();
        await using var db = NominationsDatabase.Context(connectionString);
        var first = await db.Parties.CountAsync();

        await Api.Data.NominationsDbInitializer.SeedAsync(db, default);

        Assert.True(first > 180, $"{first} parties loaded");
        Assert.Equal(first, await db.Parties.CountAsync());
        Assert.Equal("New Zealand", (await db.Parties.SingleAsync(p => p.Iso3 == "NZL")).Name);
    }
}
