using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Tests.Support;

namespace Reporting.Tests.Dashboard;

[Collection(ServersCollection.Name)]
public sealed class DashboardPageTests(ServersFixture servers)
{
    private static readonly DateTimeOffset Now = new(2023, 10, 5, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ThePublicDashboardShowsTheFiguresWithoutLoginAndItsChartsMatchThem()
    {
        await using var server = await DashboardServer.StartAsync(servers, Now);
        await Apply(server);
        using var http = server.Client();

        var page = await http.GetStringAsync("/reporting?asOf=2023-10-05");
        var chart = await http.GetAsync("/reporting/charts/reviews-by-group.svg?asOf=2023-10-05");
        var svg = XDocument.Parse(await chart.Content.ReadAsStringAsync());
        var labels = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();

        Assert.Contains("<strong>60</strong>reviews progressing (31.7%)", page);
        Assert.Contains("<strong>129</strong>reviews not started (68.3%)", page);
        Assert.Contains("<strong>34</strong>parties missing a focal point (17.9%)", page);
        Assert.Contains("<strong>79</strong>reviews blocked by a missing focal point (41.7%)", page);
        Assert.Contains("<strong>1,299</strong>nominations: 439 female, 729 male, 131 not informed", page);
        Assert.DoesNotContain("P001", page);
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Group 1: Self-assessment questionnaire 9, Written feedback 17, List of observations 2, Completed 0; "
            + "Group 2: Self-assessment questionnaire 7, Written feedback 11, List of observations 0, Completed 0; "
            + "Group 3: Self-assessment questionnaire 9, Written feedback 5, List of observations 0, Completed 0", svg.Root!.Elements().First(e => e.Name.LocalName == "desc").Value);
        Assert.Contains("17", labels);
        Assert.Contains("11", labels);
    }

    [Fact]
    public async Task TheSecretariatPagesAndTheCsvAskForLogin()
    {
        await using var server = await DashboardServer.StartAsync(servers, Now);
        using var http = server.Client();

        var page = await http.GetAsync("/reporting/secretariat");
        var csv = await http.GetAsync("/reporting/exports/parties-missing-focal-points.csv");

        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, csv.StatusCode);
    }

    [Fact]
    public async Task TheCompilationPageSearchesByWordsAndTopicAndDownloadsAsMarkdown()
    {
        await using var server = await DashboardServer.StartAsync(servers, Now);
        using var http = server.Client();

        var all = await http.GetStringAsync("/reporting/recommendations");
        var found = await http.GetStringAsync("/reporting/recommendations?q=multilingualism&topic=multilingualism");
        var markdown = await http.GetAsync("/reporting/recommendations.md");

        Assert.Contains("Revision 1, 37 entries", all);
        Assert.Contains("1 results", found);
        Assert.Contains("Recommendation 3", found);
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("# Compilation of recommendations", await markdown.Content.ReadAsStringAsync());
    }

    private static Task Apply(DashboardServer server) => Facts.WriteAsync(server.Services, new October2023());
}
