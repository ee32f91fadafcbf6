using System.Xml.Linq;
using Reporting.Api.Application.Exports;
using Reporting.Tests.ReadModels;
using Reporting.Tests.Support;
using ReviewMechanism.Reporting.V1;

namespace Reporting.Tests.Exports;

[Collection(ServersCollection.Name)]
public sealed class ExportTests(ServersFixture servers)
{
    private static readonly DateTimeOffset Now = new(2023, 10, 6, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CsvFieldsWithCommasQuotesOrLineBreaksAreQuoted() =>
        Assert.Equal("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"1\n2\",3.5\r\n", Csv.Write(["a", "b"], [["x, y", "say \"hi\""], ["1\n2", 3.5]]));

    [Fact]
    public async Task TheTablesAndFiguresShowTheReportsNumbers()
    {
        await using var host = await ReportingHost.StartAsync(servers, Now);
        await host.ApplyAsync(new October2023());
        var report = await ProgressReportFiguresTests.ReportAsync(host, October2023.ReportDate, full: true);

        var summary = CsvTables.Render(ReportTable.Summary, report);
        var stages = CsvTables.Render(ReportTable.ReviewsByGroupAndStage, report);
        var parties = CsvTables.Render(ReportTable.PartiesMissingFocalPoints, report);
        var chart = XDocument.Parse(new ChartRenderer().Render(ReportChart.ReviewsByGroup, report, 720, 420));
        var texts = chart.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        XNamespace svg = "http://www.w3.org/2000/svg";

        Assert.Contains("active reviews,60,189,31.746,31.7%\r\n", summary);
        Assert.Contains("reviews not started,129,189,68.254,68.3%\r\n", summary);
        Assert.Contains("1,1,Written feedback,17\r\n", stages);
        Assert.Equal(35, parties.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("Status of country reviews, by group", chart.Root!.Element(svg + "title")!.Value);
        Assert.Contains("Group 1: Self-assessment questionnaire 9, Written feedback 17, List of observations 2", chart.Root.Element(svg + "desc")!.Value);
        Assert.Contains("Group 1", texts);
        Assert.Contains("17", texts);
        Assert.Contains("11", texts);
    }

    [Fact]
    public void EveryFigureAndTableHasAName()
    {
        Assert.All(ChartRenderer.Charts, c => Assert.Equal(c, ChartRenderer.FromSlug(ChartRenderer.Slug(c))));
        Assert.All(CsvTables.Tables, t => Assert.Equal(t, CsvTables.FromSlug(CsvTables.Slug(t))));
    }
}
