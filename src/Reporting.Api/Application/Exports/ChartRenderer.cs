using System.Globalization;
using System.Security;
using ReviewMechanism.Reporting.V1;
using ScottPlot;
using ReviewsV1 = ReviewMechanism.Reviews.V1;

namespace Reporting.Api.Application.Exports;

/// <summary>
/// The report's figures as SVG, drawn by ScottPlot. Every bar carries its value as a label, and the SVG carries a
/// <c>title</c> and a <c>desc</c> listing the numbers it shows (for screen readers, and for checking a chart against
/// the report).
/// </summary>
public sealed class ChartRenderer
{
    public const int DefaultWidth = 720;
    public const int DefaultHeight = 420;
    public const int MaxSize = 4000;

    private const string Blue = "#1f77b4";
    private const string Orange = "#ff7f0e";
    private const string Green = "#2ca02c";
    private const string Purple = "#9467bd";
    private const string Grey = "#b0b0b0";
    private const string Red = "#d62728";

    public static string FileName(ReportChart chart, ReviewsV1.Date asOf) =>
        $"{Slug(chart)}-{asOf.Year:0000}-{asOf.Month:00}-{asOf.Day:00}.svg";

    public string Render(ReportChart chart, ProgressReport report, int width, int height) => chart switch
    {
        ReportChart.MissingFocalPoints => Stacked(
            "Reviews affected by missing focal points", Groups(report.FocalPointGaps.ByGroup.Select(g => g.GroupNumber)),
            [
                new ChartSeries("Blocked by a missing focal point", Red, [.. report.FocalPointGaps.ByGroup.Select(g => g.ReviewsBlocked)]),
                new ChartSeries("All focal points nominated", Grey, [.. report.FocalPointGaps.ByGroup.Select(g => g.Reviews - g.ReviewsBlocked)]),
            ], width, height),
        ReportChart.ReviewsByGroup => Stacked(
            "Status of country reviews, by group", Groups(report.Groups.Select(g => g.GroupNumber)),
            [
                new ChartSeries("Self-assessment questionnaire", Blue, StageCounts(report, ReviewsV1.ReviewStage.SelfAssessmentQuestionnaire)),
                new ChartSeries("Written feedback", Orange, StageCounts(report, ReviewsV1.ReviewStage.WrittenFeedback)),
                new ChartSeries("List of observations", Green, StageCounts(report, ReviewsV1.ReviewStage.ListOfObservationsAndSummary)),
                new ChartSeries("Completed", Purple, StageCounts(report, ReviewsV1.ReviewStage.Completed)),
            ], width, height),
        ReportChart.Consultations => Stacked(
            "Preliminary consultations held, by group", Groups(report.Consultations.ByGroup.Select(g => g.GroupNumber)),
            [
                new ChartSeries("Held", Green, [.. report.Consultations.ByGroup.Select(g => g.Held)]),
                new ChartSeries("Not held", Grey, [.. report.Consultations.ByGroup.Select(g => g.NotHeld)]),
            ], width, height),
        ReportChart.Languages => Stacked(
            "Languages selected for the active reviews", [.. report.Languages.Combinations.Select(c => c.Label)],
            [new ChartSeries("Reviews", Blue, [.. report.Languages.Combinations.Select(c => c.Reviews)])], width, height),
        ReportChart.Questionnaires => Stacked(
            "Self-assessment questionnaires, by group", Groups(report.Questionnaires.Select(g => g.GroupNumber)),
            [
                new ChartSeries("Submitted", Green, [.. report.Questionnaires.Select(g => g.Submitted)]),
                new ChartSeries("In preparation", Blue, [.. report.Questionnaires.Select(g => g.InPreparation)]),
                new ChartSeries("Not started", Grey, [.. report.Questionnaires.Select(g => g.NotStarted)]),
            ], width, height),
        ReportChart.Feedback => Stacked(
            "Written feedback, by group", Groups(report.Feedback.Select(g => g.GroupNumber)),
            [
                new ChartSeries("Concluded", Green, [.. report.Feedback.Select(g => g.Concluded)]),
                new ChartSeries("In progress", Orange, [.. report.Feedback.Select(g => g.InProgress)]),
            ], width, height),
        ReportChart.Overall => Pie(
            "Overall progress",
            [(report.Active.Count + " reviews progressing (" + report.Active.Display + ")", report.Active.Count, Green),
             (report.NotStarted.Count + " reviews not started (" + report.NotStarted.Display + ")", report.NotStarted.Count, Grey)],
            width, height),
        ReportChart.NominationsByGender => Pie(
            "Nominations of focal points and governmental experts, by gender",
            [("Female: " + report.Nominations.Received.Female, report.Nominations.Received.Female, Purple),
             ("Male: " + report.Nominations.Received.Male, report.Nominations.Received.Male, Blue),
             ("Not informed: " + report.Nominations.Received.NotInformed, report.Nominations.Received.NotInformed, Grey)],
            width, height),
        _ => throw DomainException.Invalid("chart", $"Choose one of the report's figures ({string.Join(", ", Charts.Select(Slug))})."),
    };

    public static IReadOnlyList<ReportChart> Charts { get; } = [.. Enum.GetValues<ReportChart>().Where(c => c != ReportChart.Unspecified)];

    public static string Slug(ReportChart chart) => chart switch
    {
        ReportChart.MissingFocalPoints => "missing-focal-points",
        ReportChart.ReviewsByGroup => "reviews-by-group",
        ReportChart.Consultations => "consultations",
        ReportChart.Languages => "languages",
        ReportChart.Questionnaires => "questionnaires",
        ReportChart.Feedback => "feedback",
        ReportChart.Overall => "overall",
        ReportChart.NominationsByGender => "nominations-by-gender",
        _ => "unknown",
    };

    public static ReportChart? FromSlug(string slug) => Charts.Cast<ReportChart?>().FirstOrDefault(c => Slug(c!.Value) == slug);

    private static int[] StageCounts(ProgressReport report, ReviewsV1.ReviewStage stage) =>
        [.. report.Groups.Select(g => g.Stages.FirstOrDefault(s => s.Stage == stage)?.Reviews ?? 0)];

    private static string[] Groups(IEnumerable<int> numbers) => [.. numbers.Select(n => "Group " + n)];

    private static string Stacked(string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, int width, int height)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        for (var i = 0; i < categories.Count; i++)
        {
            var bottom = 0;
            foreach (var part in series)
            {
                var value = part.Values[i];
                bars.Add(new Bar
                {
                    Position = i,
                    ValueBase = bottom,
                    Value = bottom + value,
                    FillColor = Color.FromHex(part.Color),
                    Label = value > 0 ? value.ToString(CultureInfo.InvariantCulture) : "",
                    CenterLabel = series.Count > 1,
                });
                bottom += value;
            }
        }
        var plotted = plot.Add.Bars(bars);
        plotted.ValueLabelStyle.FontSize = 13;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, categories.Count).Select(i => (double)i)], [.. categories]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Margins(bottom: 0);
        plot.YLabel("Reviews");
        plot.Title(title);
        if (series.Count > 1)
        {
            foreach (var part in series)
            {
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = part.Name, FillColor = Color.FromHex(part.Color) });
            }
            plot.ShowLegend(Alignment.UpperRight);
        }
        var desc = string.Join("; ", categories.Select((c, i) => c + ": " + string.Join(", ", series.Select(s => $"{s.Name} {s.Values[i]}"))));
        return Describe(plot.GetSvgXml(width, height), title, desc);
    }

    private static string Pie(string title, IReadOnlyList<(string Label, int Value, string Color)> slices, int width, int height)
    {
        var plot = new Plot();
        var pie = plot.Add.Pie([.. slices.Select(s => new PieSlice { Value = s.Value, FillColor = Color.FromHex(s.Color), Label = s.Label, LegendText = s.Label })]);
        pie.SliceLabelDistance = 0.6;
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.ShowLegend(Alignment.LowerRight);
        plot.Title(title);
        return Describe(plot.GetSvgXml(width, height), title, string.Join("; ", slices.Select(s => s.Label)));
    }

    /// <summary>Adds the chart's title and the numbers it shows as the SVG's accessible name and description.</summary>
    private static string Describe(string svg, string title, string description)
    {
        var open = svg.IndexOf("<svg", StringComparison.Ordinal);
        var close = open < 0 ? -1 : svg.IndexOf('>', open);
        if (close < 0)
        {
            return svg;
        }
        var head = svg[..close].Contains("role=", StringComparison.Ordinal) ? svg[..close] : svg[..close] + " role=\"img\"";
        return head + ">" + $"<title>{SecurityElement.Escape(title)}</title><desc>{SecurityElement.Escape(description)}</desc>" + svg[(close + 1)..];
    }
}
