using Microsoft.EntityFrameworkCore;

namespace Reporting.Api.Data.Projections;

/// <summary>Writes the Documents service's facts (one row per document fact, under its natural key).</summary>
public sealed class DocumentProjection(ReportingDbContext db)
{
    public const string Questionnaire = "QUESTIONNAIRE";
    public const string WrittenFeedback = "WRITTEN_FEEDBACK";
    public const string ListOfObservations = "LIST_OF_OBSERVATIONS";
    public const string Summary = "SUMMARY_PUBLISHED";
    public const string Published = "DOCUMENT_PUBLISHED";

    public async Task RecordAsync(DocumentFact fact, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO rm_document_events (key, kind, review_id, party, occurred_at, language, technical_assistance_needs)
            VALUES ({fact.Key}, {fact.Kind}, {fact.ReviewId}, {fact.Party}, {fact.OccurredAt}, {fact.Language}, {fact.TechnicalAssistanceNeeds})
            ON CONFLICT (key) DO NOTHING
            """, cancellationToken);
}
