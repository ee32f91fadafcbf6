using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Api.Application.Reports;
using Reporting.Tests.Support;
using ReviewMechanism.Reporting.V1;
using ReviewsV1 = ReviewMechanism.Reviews.V1;

namespace Reporting.Tests.ReadModels;

[Collection(ServersCollection.Name)]
public sealed class ProgressReportFiguresTests(ServersFixture servers)
{
    private static readonly DateTimeOffset Now = new(2023, 10, 6, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheOctober2023DataSetGivesTheFiguresOfTheSlides()
    {
        await using var host = await ReportingHost.StartAsync(servers, Now);
        await host.ApplyAsync(new October2023());

        var report = await ReportAsync(host, October2023.ReportDate, full: true);

        October2023Figures.Assert(report);
        Assert.Equal(October2023.MissingParties, report.FocalPointGaps.Parties.Count);
        Assert.Equal(189, report.Reviews.Count);
    }

    [Fact]
    public async Task FactsAppliedTwiceAndInReverseOrderGiveTheSameReport()
    {
        await using var ordered = await ReportingHost.StartAsync(servers, Now);
        await ordered.ApplyAsync(new October2023());
        await using var shuffled = await ReportingHost.StartAsync(servers, Now);
        await shuffled.ApplyAsync(new October2023(), reversed: true);
        await shuffled.ApplyAsync(new October2023());

        var expected = await ReportAsync(ordered, October2023.ReportDate, full: true);
        var actual = await ReportAsync(shuffled, October2023.ReportDate, full: true);

        expected.ComputedAt = actual.ComputedAt = null;
        Assert.Equal(expected.ToByteString(), actual.ToByteString());
    }

    [Fact]
    public async Task AReportAsOfAnEarlierDateShowsTheReviewsAsTheyStoodThen()
    {
        await using var host = await ReportingHost.StartAsync(servers, Now);
        await host.ApplyAsync(new October2023());

        // Every review was opened on 10 January 2023; the first stage changes came 30 days later.
        var january = await ReportAsync(host, new DateOnly(2023, 1, 31), full: false);
        var before = await ReportAsync(host, new DateOnly(2022, 12, 31), full: false);

        Assert.Equal((189, 0, 189), (january.TotalReviews, january.Active.Count, january.Inactive.MissingFocalPoint));
        Assert.Equal(1299, january.Nominations.Received.Total);
        Assert.Equal(0, before.TotalReviews);
    }

    [Fact]
    public async Task TheSinceFiguresCountWhatChangedBetweenTwoDates()
    {
        await using var host = await ReportingHost.StartAsync(servers, Now);
        await host.ApplyAsync(new October2023());

        var report = await host.InScopeAsync(sp => sp.GetRequiredService<ProgressReports>()
            .GetAsync(October2023.ReportDate, new DateOnly(2023, 1, 31), full: false, CancellationToken.None));

        Assert.Equal(60, report.Since.ReviewsActivated);
        Assert.Equal(0, report.Since.FocalPointsNominated);
    }

    [Fact]
    public async Task ThePublicReportHasTheSameFiguresWithoutNamingParties()
    {
        await using var host = await ReportingHost.StartAsync(servers, Now);
        await host.ApplyAsync(new October2023());

        var report = await ReportAsync(host, October2023.ReportDate, full: false);

        October2023Figures.Assert(report);
        Assert.False(report.Full);
        Assert.Empty(report.FocalPointGaps.Parties);
        Assert.Empty(report.Reviews);
    }

    public static Task<ProgressReport> ReportAsync(ReportingHost host, DateOnly asOf, bool full) =>
        host.InScopeAsync(sp => sp.GetRequiredService<ProgressReports>().GetAsync(asOf, null, full, CancellationToken.None));
}
