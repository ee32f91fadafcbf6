namespace Reporting.Api.Data.Records;

/// <summary>A briefing or training session the secretariat held for government officials.</summary>
public sealed class BriefingRecord
{
    public Guid Id { get; set; }

    public DateOnly HeldOn { get; set; }

    public string Title { get; set; } = "";

    public string[] Languages { get; set; } = [];

    public string[] Countries { get; set; } = [];

    public int Officials { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }
}
