using ReviewMechanism.ServiceDefaults.Authorization;
using Documents.Api.Data;
using Documents.Api.Domain.Access;
using Documents.Api.Domain.Documents;
using Documents.Api.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Documents.Api.Application.Access;

/// <summary>
/// Loads what <see cref="AccessPolicy"/> decides on (the review from the read model, the caller's nominations) and
/// turns its answers into the service's errors: a document the caller may not read is NOT_FOUND (its existence is
/// confidential too); one it may read but not change is PERMISSION_DENIED.
/// </summary>
public sealed class DocumentAccess(DocumentsDbContext db)
{
    private readonly Dictionary<string, IReadOnlyList<NominationRecord>> _nominations = new(StringComparer.Ordinal);

    public async Task<ReviewRecord> ReviewAsync(string countryReviewId, CancellationToken ct)
    {
        var id = (countryReviewId ?? "").Trim().ToUpperInvariant();
        if (id.Length == 0)
        {
            throw DomainException.Invalid("country_review_id", "Name the country review (e.g. DEU-C1).");
        }
        return await db.Reviews.SingleOrDefaultAsync(r => r.Id == id, ct)
            ?? throw DomainException.NotFound("REVIEW_NOT_FOUND", $"country-review/{id}", $"No country review {id} is known to the Documents service (it learns of reviews from the Reviews service's events).");
    }

    public async Task<AccessContext> ContextAsync(Caller caller, ReviewRecord review, CancellationToken ct) =>
        AccessContext.For(caller, review, await NominationsAsync(caller, ct));

    /// <summary>The document, the caller in its review, and how far it may read; NOT_FOUND when it may not read it at all.</summary>
    public async Task<(Document Document, AccessContext Who, ReadLevel Level)> ReadableAsync(Caller caller, Guid documentId, CancellationToken ct, bool forUpdate = false)
    {
        var query = db.Documents.Include(d => d.Steps).AsQueryable();
        var document = await (forUpdate ? query : query.AsNoTracking()).SingleOrDefaultAsync(d => d.Id == documentId, ct);
        var review = document is null ? null : await db.Reviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == document.CountryReviewId, ct);
        if (document is null || review is null)
        {
            throw NotFound(documentId);
        }
        var who = await ContextAsync(caller, review, ct);
        var level = AccessPolicy.ReadLevel(who, DocumentFacts.Of(document));
        return level == ReadLevel.None ? throw NotFound(documentId) : (document, who, level);
    }

    public static void Require(AccessContext who, Document document, DocumentAction action)
    {
        if (!AccessPolicy.Allows(who, DocumentFacts.Of(document), action))
        {
            throw DomainException.Denied("NOT_ALLOWED", document.Subject, $"You may not {Verb(action)} this {document.Kind.Describe()} of {document.Party} ({Who(document, action)}).");
        }
    }

    public static DomainException NotFound(Guid documentId) =>
        DomainException.NotFound("DOCUMENT_NOT_FOUND", $"document/{documentId}", $"No document {documentId} exists that you may read.");

    private async Task<IReadOnlyList<NominationRecord>> NominationsAsync(Caller caller, CancellationToken ct)
    {
        if (!caller.IsSignedIn())
        {
            return [];
        }
        if (!_nominations.TryGetValue(caller.Subject, out var held))
        {
            held = await db.Nominations.AsNoTracking().Where(n => n.PersonId == caller.Subject && n.EndedAt == null).ToListAsync(ct);
            _nominations[caller.Subject] = held;
        }
        return held;
    }

    private static string Verb(DocumentAction action) => action switch
    {
        DocumentAction.Edit => "edit",
        DocumentAction.Submit => "submit for clearance",
        DocumentAction.Clear => "clear",
        DocumentAction.Return => "return",
        DocumentAction.Transmit => "transmit",
        DocumentAction.Share => "make available to other parties",
        DocumentAction.Publish => "publish",
        _ => "read",
    };

    private static string Who(Document document, DocumentAction action) => action switch
    {
        DocumentAction.Edit or DocumentAction.Submit => document.Kind.IsJoint()
            ? "the experts and focal points of the review's parties, or the Secretariat, write it"
            : $"the experts and focal points of {document.Party} nominated for this review write it",
        DocumentAction.Clear or DocumentAction.Return => $"the focal point of {document.Party} for this review clears it",
        DocumentAction.Transmit => document.Kind.IsJoint()
            ? $"the focal point of {document.Party} or the Secretariat finalizes it"
            : $"the focal point of {document.Party} for this review transmits it",
        _ => $"only the focal point of the party under review, {document.PartyUnderReview}, decides that",
    };
}
