namespace Reporting.Api.Data.Records;

/// <summary>A party's answer to the technical assistance survey (one per party; a new answer replaces it).</summary>
public sealed class SurveyResponseRecord
{
    public string Party { get; set; } = "";

    public DateOnly ReceivedOn { get; set; }

    public string[] Needs { get; set; } = [];

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }
}
