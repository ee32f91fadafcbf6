namespace Reporting.Api.Data.ReadModels;

/// <summary>The working languages a review agreed (ISO 639-1 codes); the latest agreement wins, whatever the arrival order.</summary>
public sealed class ReviewLanguagesRow
{
    public string ReviewId { get; set; } = "";

    public string[] Languages { get; set; } = [];

    public bool Exceptional { get; set; }

    public DateTimeOffset AgreedAt { get; set; }
}
