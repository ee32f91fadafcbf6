namespace Reporting.Api.Application.Reports;

/// <summary>A report's date: the facts that happened before the end of that day (UTC) count.</summary>
public static class ReportWindow
{
    public static DateTimeOffset EndOf(DateOnly day) => new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
