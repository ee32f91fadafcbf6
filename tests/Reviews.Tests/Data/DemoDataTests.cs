using Microsoft.EntityFrameworkCore;
using Reviews.Api.Domain.Drawing;
using Reviews.Tests.Support;

namespace Reviews.Tests.Data;

/// <summary>The demo data, loaded at start by the real host through the drawing-of-lots use cases.</summary>
[Collection(PostgresCollection.Name)]
public class DemoDataTests(PostgresFixture postgres)
{
    [Fact]
    public async Task WithDemoDataTheServiceStartsWithThreeGroupsDrawnByTheDemoSecretariatAndTheirReviewsOpen()
    {
        var connectionString = await postgres.NewSeededDatabaseAsync(TimeProvider.System);
        await using var app = ReviewsHost.Build(connectionString, new Dictionary<string, string?> { ["ReviewMechanism:DemoData"] = "true" });
        await app.StartAsync();
        await app.StopAsync();

        await using var db = ReviewsDatabase.Context(connectionString);
        var draws = await db.Draws.AsNoTracking().OrderBy(d => d.RequestedAt).ToListAsync();
        Assert.Equal([DrawKind.GroupSplit, DrawKind.Pairing, DrawKind.Pairing, DrawKind.Pairing], draws.Select(d => d.Kind));
        Assert.All(draws, d => Assert.Equal("demo-data", d.RequestedBy));
        Assert.Equal([2026UL, 2027UL, 2028UL, 2029UL], draws.Select(d => d.Seed));
        var groups = await db.Groups.AsNoTracking().OrderBy(g => g.Number).ToListAsync();
        Assert.Equal(3, groups.Count);
        Assert.Equal(groups.Sum(g => g.Parties.Count), await db.CountryReviews.CountAsync());
    }
}
