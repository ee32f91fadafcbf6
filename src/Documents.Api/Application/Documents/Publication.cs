using Documents.Api.Data;
using Documents.Api.Domain.Documents;
using Documents.Api.Domain.Reviews;
using Documents.Api.IntegrationEvents;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Messaging.Outbox;

namespace Documents.Api.Application.Documents;

/// <summary>
/// Puts a document's transmitted version on the public country profile: the flag on the document, its searchable
/// text, and the event (SummaryPublished for a summary, DocumentPublished otherwise), in the caller's unit of work.
/// The summary of the list of observations is published by itself once both it and the list are final (and each of
/// its transmitted translations with it).
/// </summary>
public sealed class Publication(DocumentsDbContext db, TimeProvider time)
{
    /// <summary>False when that version is published already.</summary>
    public async Task<bool> PublishAsync(Document document, ReviewRecord review, string by, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (!document.Publish(by, now))
        {
            return false;
        }
        var version = await db.Versions.AsNoTracking().SingleAsync(v => v.DocumentId == document.Id && v.Number == document.PublishedVersion, ct);
        var text = await db.PublishedTexts.SingleOrDefaultAsync(t => t.DocumentId == document.Id, ct);
        if (text is null)
        {
            text = new PublishedText { DocumentId = document.Id };
            db.PublishedTexts.Add(text);
        }
        text.CountryReviewId = document.CountryReviewId;
        text.Party = document.PartyUnderReview;
        text.Language = document.Language;
        text.Version = version.Number;
        text.Title = version.Content.Title;
        text.Text = ContentFields.SearchableText(version.Content with { Title = "" });
        text.PublishedAt = now;
        db.AddIntegrationEvent(DocumentIntegrationEvents.Published(document, version, review, now), time);
        return true;
    }

    /// <summary>After <paramref name="changed"/> was transmitted: publishes the review's final summary and its translations when due.</summary>
    public async Task PublishFinalSummariesAsync(ReviewRecord review, Document changed, CancellationToken ct)
    {
        if (changed.Kind is not (DocumentKind.Summary or DocumentKind.ListOfObservations))
        {
            return;
        }
        var others = await db.Documents
            .Where(d => d.CountryReviewId == review.Id && d.Id != changed.Id && (d.Kind == DocumentKind.Summary || d.Kind == DocumentKind.ListOfObservations))
            .ToListAsync(ct);
        var all = others.Append(changed).ToList();
        var listFinal = all.Any(d => d.Kind == DocumentKind.ListOfObservations && !d.IsTranslation && d.TransmittedVersion > 0);
        var original = all.SingleOrDefault(d => d.Kind == DocumentKind.Summary && !d.IsTranslation);
        if (!listFinal || original is null || original.TransmittedVersion == 0)
        {
            return;
        }
        foreach (var summary in all.Where(d => d.Kind == DocumentKind.Summary && d.TransmittedVersion > 0 && (d == original || d.OriginalDocumentId == original.Id)))
        {
            await PublishAsync(summary, review, "secretariat:on-completion", ct);
        }
    }
}
