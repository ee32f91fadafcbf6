namespace Reporting.Api.Data.ReadModels;

/// <summary>
/// The parties of a review from a moment on (opened, or changed by a redraw): parties[i] holds roles[i]. Kept as
/// versions keyed by time, so events applied in any order give the same answer for any date.
/// </summary>
public sealed class ReviewPartiesRow
{
    public string ReviewId { get; set; } = "";

    public DateTimeOffset ChangedAt { get; set; }

    public string[] Parties { get; set; } = [];

    public string[] Roles { get; set; } = [];
}
