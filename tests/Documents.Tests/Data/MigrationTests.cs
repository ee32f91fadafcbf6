using Documents.Tests.Support;

namespace Documents.Tests.Data;

[Collection(PostgresCollection.Name)]
public class MigrationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task TheHandWrittenMigrationsBuildExactlyTheSchemaOfTheModel()
    {
        await DatabaseSchema.AssertMigrationsBuildTheModelAsync(postgres, DocumentsDatabase.Context, atLeast: 60);
    }
}
