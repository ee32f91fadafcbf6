using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reviews.Api.Domain.Drawing;
using Reviews.Api.Extensions;
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
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:reviewsdb"] = connectionString,
            ["Mail:PickupDirectory"] = Path.Combine(Path.GetTempPath(), $"reviews-mail-{Guid.NewGuid():N}"),
            ["ReviewMechanism:DemoData"] = "true",
        });
        builder.AddDefaultGrpcHosting();
        builder.Services.AddMechanismAuthorization();
        builder.Services.AddAuthentication(HeaderAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.SchemeName, _ => { });
        builder.AddReviewsService();
        await using var app = builder.Build();
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
