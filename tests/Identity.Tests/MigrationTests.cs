using Identity.Api.Data;
using Identity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Identity.Tests;

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(PostgresFixture postgres)
{
    /// <summary>The hand-written migrations must build exactly the schema EF Core derives from the model.</summary>
    [Fact]
    public async Task HandWrittenMigrationsBuildTheSchemaOfTheModel()
    {
        await using var app = await IdentityApp.StartAsync(postgres); // applies the migrations at start
        var migrated = new NpgsqlConnectionStringBuilder(await app.WithScopeAsync(sp =>
            Task.FromResult(sp.GetRequiredService<IdentityDb>().Database.GetConnectionString()!)));

        var fromModel = await postgres.NewDatabaseAsync();
        var options = new DbContextOptionsBuilder<IdentityDb>().UseNpgsql(fromModel)
            .UseApplicationServiceProvider(app.Services).Options;
        await using (var db = new IdentityDb(options))
        {
            await db.Database.EnsureCreatedAsync();
        }

        await DatabaseSchema.AssertSameAsync(fromModel, migrated.ConnectionString, atLeast: 50);
    }
}
