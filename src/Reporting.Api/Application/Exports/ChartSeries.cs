namespace Reporting.Api.Application.Exports;

/// <summary>One coloured part of a bar chart: a value per category.</summary>
public sealed record ChartSeries(string Name, string Color, IReadOnlyList<int> Values);
