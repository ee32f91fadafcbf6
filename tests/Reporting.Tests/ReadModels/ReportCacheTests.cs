using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Api.Application.Caching;
using Reporting.Api.Data;
using Reporting.Api.Data.Projections;
using Reporting.Tests.Support;

namespace Reporting.Tests.ReadModels;

[Collection(ServersCollection.Name)]
public sealed class ReportCacheTests(ServersFixture servers)
{
    private static readonly DateTimeOffset Now = new(2023, 10, 6, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheReportIsServedFromRedisUntilAnEventMovesTheGenerationOn()
    {
        await using var host = await ReportingHost.StartAsync(servers, Now);
        var data = new October2023();
        await host.ApplyAsync(data);
        var first = await ProgressReportFiguresTests.ReportAsync(host, October2023.ReportDate, full: false);

        // A change behind the cache's back (no event): the cached report is still served.
        await host.InScopeAsync(sp => sp.GetRequiredService<ReportingDbContext>().Database.ExecuteSqlRawAsync(
            "DELETE FROM rm_stage_changes"));
        var cached = await ProgressReportFiguresTests.ReportAsync(host, October2023.ReportDate, full: false);

        // An event applied as the consumers apply it moves the cache on.
        var review = data.Reviews[0];
        host.Clock.Advance(TimeSpan.FromSeconds(5));
        await host.ApplyAsync((sp, ct) => sp.GetRequiredService<ReviewProjection>().StageChangedAsync(new StageChange(review.Id, Now.AddDays(-1), 2, 3), ct));
        await host.InScopeAsync(sp => sp.GetRequiredService<IReportCache>().InvalidateAsync());
        var fresh = await ProgressReportFiguresTests.ReportAsync(host, October2023.ReportDate, full: false);

        Assert.Equal(first.ComputedAt, cached.ComputedAt);
        Assert.Equal(60, cached.Active.Count);
        Assert.NotEqual(first.ComputedAt, fresh.ComputedAt);
        Assert.Equal(1, fresh.Active.Count);
    }
}
