namespace Reporting.Api.Data.ReadModels;

/// <summary>A review entering a stage (CountryReviewStageChanged, or the review's history on rebuild).</summary>
public sealed class StageChangeRow
{
    public string ReviewId { get; set; } = "";

    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>The stage's number (<see cref="Domain.Reviews.Stage"/>).</summary>
    public int ToStage { get; set; }

    public int FromStage { get; set; }
}
