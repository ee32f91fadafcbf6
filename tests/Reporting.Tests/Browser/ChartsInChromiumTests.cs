using System.Text.RegularExpressions;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using Reporting.Api.Application.Exports;
using Reporting.Tests.Support;

namespace Reporting.Tests.Browser;

/// <summary>
/// The public dashboard and its charts opened in real Chromium through the real gateway (its reporting-pages route),
/// on the October 2023 data set: what the browser shows is the slides' figures.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed partial class ChartsInChromiumTests(ServersFixture servers)
{
    private const string AsOf = "2023-10-05";
    private static readonly DateTimeOffset Now = new(2023, 10, 5, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheDashboardAndEveryChartOpenInChromiumThroughTheGatewayWithTheSlidesFigures()
    {
        await using var reporting = await DashboardServer.StartAsync(servers, Now);
        await Facts.WriteAsync(reporting.Services, new October2023());
        await using var gateway = await GatewayServer.StartAsync(reporting.Address);
        using var browser = HeadlessChromium.Start();

        browser.Navigate().GoToUrl(new Uri(gateway.Address, $"/reporting?asOf={AsOf}"));
        var page = Normalized(Script<string>(browser, "return document.body.textContent;"));
        Assert.Contains("60reviews progressing (31.7%)", page);
        Assert.Contains("129reviews not started (68.3%)", page);
        Assert.Contains("34parties missing a focal point (17.9%)", page);
        Assert.Contains("79reviews blocked by a missing focal point (41.7%)", page);
        Assert.Contains("1,299nominations: 439 female, 729 male, 131 not informed", page);

        // Every chart on the page is fetched through the gateway and decoded by the browser as an image.
        var images = browser.FindElements(By.CssSelector("img[id^='chart-']"));
        Assert.Equal(ChartRenderer.Charts.Count, images.Count);
        foreach (var image in images)
        {
            browser.ExecuteScript("arguments[0].scrollIntoView();", image);
            await LoadedAsync(browser, image);
            Assert.StartsWith(gateway.Address.GetLeftPart(UriPartial.Authority), Script<string>(browser, "return arguments[0].currentSrc;", image));
        }

        Assert.Equal(
            "Group 1: Self-assessment questionnaire 9, Written feedback 17, List of observations 2, Completed 0; "
            + "Group 2: Self-assessment questionnaire 7, Written feedback 11, List of observations 0, Completed 0; "
            + "Group 3: Self-assessment questionnaire 9, Written feedback 5, List of observations 0, Completed 0",
            OpenChart(browser, gateway, "reviews-by-group", ["9", "17", "2", "7", "11", "5"]));
        Assert.Equal(
            "Group 1: Blocked by a missing focal point 14, All focal points nominated 48; "
            + "Group 2: Blocked by a missing focal point 30, All focal points nominated 33; "
            + "Group 3: Blocked by a missing focal point 35, All focal points nominated 29",
            OpenChart(browser, gateway, "missing-focal-points", ["14", "30", "35"]));
        Assert.Equal(
            "60 reviews progressing (31.7%); 129 reviews not started (68.3%)",
            OpenChart(browser, gateway, "overall", ["60 reviews progressing (31.7%)", "129 reviews not started (68.3%)"]));
        Assert.Equal(
            "Female: 439; Male: 729; Not informed: 131",
            OpenChart(browser, gateway, "nominations-by-gender", ["Female: 439", "Male: 729", "Not informed: 131"]));
        var languages = OpenChart(browser, gateway, "languages", []).Split("; ").Select(LanguageEntry).ToList();
        Assert.Equal(
            [(0, 1), (1, 37), (2, 20), (3, 2)],
            languages.GroupBy(l => l.Languages).Select(g => (g.Key, g.Sum(l => l.Reviews))).OrderBy(g => g.Key).ToList());
    }

    /// <summary>Opens the chart's SVG through the gateway; checks the browser drew it and shows the labels; returns its description.</summary>
    private static string OpenChart(ChromeDriver browser, GatewayServer gateway, string slug, string[] labels)
    {
        browser.Navigate().GoToUrl(new Uri(gateway.Address, $"/reporting/charts/{slug}.svg?asOf={AsOf}"));
        Assert.Equal("svg", Script<string>(browser, "return document.documentElement.localName;"));
        var width = Convert.ToDouble(Script<object>(browser, "return document.documentElement.getBoundingClientRect().width;"));
        var marks = Convert.ToInt64(Script<object>(browser, "return [...document.querySelectorAll('rect, path')].filter(e => { const b = e.getBBox(); return b.width > 0 && b.height > 0; }).length;"));
        Assert.True(width > 100 && marks > 0, $"{slug}: drawn {width} px wide with {marks} visible marks");
        var shown = (Script<IEnumerable<object>>(browser, "return [...document.querySelectorAll('text')].map(t => t.textContent.trim());")).Cast<string>().ToList();
        Assert.All(labels, label => Assert.Contains(label, shown));
        return Script<string>(browser, "return document.querySelector('desc').textContent;");
    }

    private static async Task LoadedAsync(ChromeDriver browser, IWebElement image)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(60); waited += TimeSpan.FromMilliseconds(100))
        {
            if (Script<bool>(browser, "return arguments[0].complete && arguments[0].naturalWidth > 0;", image))
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"{image.GetDomAttribute("src")} was not shown within 60 s");
    }

    /// <summary>"Arabic, English and French: Reviews 1" is three languages; "To be confirmed: Reviews 1" none.</summary>
    private static (int Languages, int Reviews) LanguageEntry(string entry)
    {
        var match = LanguageEntryPattern().Match(entry);
        Assert.True(match.Success, entry);
        var label = match.Groups["label"].Value;
        var count = label == "To be confirmed" ? 0 : 1 + Regex.Count(label, ", ") + Regex.Count(label, " and ");
        return (count, int.Parse(match.Groups["reviews"].Value));
    }

    private static T Script<T>(ChromeDriver browser, string script, params object[] arguments) =>
        browser.ExecuteScript(script, arguments) is T value ? value : throw new InvalidOperationException($"{script} gave no {typeof(T).Name}");

    private static string Normalized(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"^(?<label>.+): Reviews (?<reviews>\d+)$")]
    private static partial Regex LanguageEntryPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
