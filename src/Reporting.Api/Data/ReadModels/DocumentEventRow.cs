namespace Reporting.Api.Data.ReadModels;

/// <summary>A document the Documents service transmitted, finalized or published (one row per document version and kind).</summary>
public sealed class DocumentEventRow
{
    /// <summary>The natural key: kind, document and version (or review, party and time when the event has no document id).</summary>
    public string Key { get; set; } = "";

    /// <summary>QUESTIONNAIRE, WRITTEN_FEEDBACK, LIST_OF_OBSERVATIONS, SUMMARY or DOCUMENT.</summary>
    public string Kind { get; set; } = "";

    public string ReviewId { get; set; } = "";

    public string Party { get; set; } = "";

    public DateTimeOffset OccurredAt { get; set; }

    public string Language { get; set; } = "";

    /// <summary>Technical assistance needs in a finalized list of observations.</summary>
    public int TechnicalAssistanceNeeds { get; set; }
}
