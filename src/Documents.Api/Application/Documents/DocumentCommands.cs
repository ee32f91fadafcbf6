using ReviewMechanism.ServiceDefaults.Authorization;
using Documents.Api.Application.Access;
using Documents.Api.Data;
using Documents.Api.Data.EntityConfigurations;
using Documents.Api.Domain.Access;
using Documents.Api.Domain.Documents;
using Documents.Api.Domain.Languages;
using Documents.Api.Domain.Questionnaires;
using Documents.Api.Domain.Reviews;
using Documents.Api.IntegrationEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReviewMechanism.Messaging.Outbox;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Documents.Api.Application.Documents;

/// <summary>
/// The use cases that change documents: create, save a draft, the clearance workflow, para 40 sharing and para 41
/// publication. Each checks the access policy, lets the document apply its state rules, and saves once (events in
/// the outbox, same transaction); a stale revision gets ABORTED and changes nothing.
/// </summary>
public sealed class DocumentCommands(
    DocumentsDbContext db,
    DocumentAccess access,
    QuestionnaireCatalog questionnaires,
    Publication publication,
    DocumentReader reader,
    IOptions<DocumentsOptions> options,
    TimeProvider time)
{
    public async Task<DocumentView> CreateAsync(Caller caller, CreateDocument input, CancellationToken ct)
    {
        RequireSignedIn(caller);
        var requestId = (input.RequestId ?? "").Trim();
        if (requestId.Length > 64)
        {
            throw DomainException.Invalid("request_id", "At most 64 characters (a UUID).");
        }
        if (requestId.Length > 0 && await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.CreatedBy == caller.Subject && d.RequestId == requestId, ct) is { } earlier)
        {
            return await reader.GetAsync(caller, earlier.Id, 0, ct);
        }
        RequireActsFor(caller, input.Party);
        var review = await access.ReviewAsync(input.CountryReviewId, ct);
        var who = await access.ContextAsync(caller, review, ct);
        var language = UnLanguages.Validate(input.Language);
        Document? original = null;
        if (input.OriginalDocumentId is { } originalId)
        {
            (original, _, _) = await access.ReadableAsync(caller, originalId, ct);
            if (original.CountryReviewId != review.Id || original.IsTranslation)
            {
                throw DomainException.Invalid("original_document_id", "A translation translates an original document of the same review.");
            }
            if (original.Language == language || await db.Documents.AnyAsync(d => d.OriginalDocumentId == originalId && d.Language == language, ct))
            {
                throw DomainException.AlreadyExists("TRANSLATION_EXISTS", $"document/{originalId}/{language}", $"The {original.Kind.Describe()} already exists in {UnLanguages.Name(language)}.");
            }
        }
        var kind = original?.Kind ?? input.Kind ?? throw DomainException.Invalid("kind", "Say which kind of document to create.");
        if (original is not null && input.Kind is { } asked && asked != original.Kind)
        {
            throw DomainException.Invalid("kind", $"A translation has its original's kind ({original.Kind.Describe()}).");
        }
        var party = original?.Party ?? AuthoringParty(kind, input.Party, review, who);
        var facts = DocumentFacts.New(kind, party, review.PartyUnderReview, original is not null);
        if (!AccessPolicy.Allows(who, facts, DocumentAction.Edit))
        {
            throw DomainException.Denied("NOT_ALLOWED", $"country-review/{review.Id}", $"You may not write a {kind.Describe()} of {party} in review {review.Id}: its experts and focal points nominated for this review write it.");
        }
        var respondsTo = original?.RespondsToDocumentId ?? await RespondsToAsync(caller, kind, input.RespondsToDocumentId, review, ct);
        if (original is null)
        {
            await RequireFirstAsync(kind, party, review, respondsTo, ct);
        }
        var questionnaire = questionnaires.ForCluster(review.Cluster);
        ContentRules.Validate(kind, input.Content, questionnaire);
        var id = Guid.CreateVersion7();
        await RequireOwnFilesAsync(id, review, party, input.Content, ct);
        var start = new DocumentStart(id, requestId, review.Id, kind, party, review.PartyUnderReview, review.Cluster, review.Phase, language, original?.Id, respondsTo);
        var (document, version) = Document.Start(start, input.Content, caller.Subject, time.GetUtcNow(), ContentJson.Sha256(input.Content), ContentRules.DoneArticles(input.Content).Count);
        db.Documents.Add(document);
        db.Versions.Add(version);
        await SaveAsync(document, ct);
        return await reader.GetAsync(caller, document.Id, 0, ct);
    }

    public async Task<DocumentView> SaveDraftAsync(Caller caller, Guid documentId, long expectedRevision, DocumentContent content, string changeNote, CancellationToken ct)
    {
        var (document, who, _) = await access.ReadableAsync(caller, documentId, ct, forUpdate: true);
        DocumentAccess.Require(who, document, DocumentAction.Edit);
        document.CheckRevision(expectedRevision);
        ContentRules.Validate(document.Kind, content, questionnaires.ForCluster(document.Cluster));
        if ((changeNote ?? "").Length > 1000)
        {
            throw DomainException.Invalid("change_note", "At most 1000 characters.");
        }
        await RequireOwnFilesAsync(document.Id, who.Review, document.Party, content, ct);
        var version = document.SaveDraft(content, caller.Subject, changeNote ?? "", time.GetUtcNow(), ContentJson.Sha256(content), ContentRules.DoneArticles(content).Count);
        db.Versions.Add(version);
        await SaveAsync(document, ct);
        return await reader.GetAsync(caller, document.Id, 0, ct);
    }

    public Task<DocumentView> SubmitAsync(Caller caller, Guid documentId, long expectedRevision, CancellationToken ct) =>
        StepAsync(caller, documentId, expectedRevision, DocumentAction.Submit, (d, _) => d.SubmitForClearance(caller.Subject, time.GetUtcNow()), ct);

    public Task<DocumentView> ClearAsync(Caller caller, Guid documentId, long expectedRevision, CancellationToken ct) =>
        StepAsync(caller, documentId, expectedRevision, DocumentAction.Clear, (d, _) => d.Clear(caller.Subject, time.GetUtcNow()), ct);

    public Task<DocumentView> ReturnAsync(Caller caller, Guid documentId, long expectedRevision, string comment, CancellationToken ct) =>
        StepAsync(caller, documentId, expectedRevision, DocumentAction.Return, (d, _) => d.Return(caller.Subject, comment, time.GetUtcNow()), ct);

    public Task<DocumentView> TransmitAsync(Caller caller, Guid documentId, long expectedRevision, CancellationToken ct) =>
        StepAsync(caller, documentId, expectedRevision, DocumentAction.Transmit, async (d, review) =>
        {
            var now = time.GetUtcNow();
            d.Transmit(caller.Subject, now);
            if (!d.IsTranslation && d.TransmittedVersions.Count == 1)
            {
                var version = await db.Versions.AsNoTracking().SingleAsync(v => v.DocumentId == d.Id && v.Number == d.TransmittedVersion, ct);
                if (DocumentIntegrationEvents.Transmitted(d, version, review, questionnaires.ForCluster(d.Cluster), now) is { } transmitted)
                {
                    db.AddIntegrationEvent(transmitted, time);
                }
            }
            await publication.PublishFinalSummariesAsync(review, d, ct);
        }, ct);

    /// <summary>Para 40: the party under review makes its transmitted questionnaire available to other parties (or withdraws it).</summary>
    public async Task<DocumentView> ShareAsync(Caller caller, Guid documentId, bool shared, CancellationToken ct)
    {
        var (document, who, _) = await access.ReadableAsync(caller, documentId, ct, forUpdate: true);
        DocumentAccess.Require(who, document, DocumentAction.Share);
        if (document.ShareWithOtherParties(shared, time.GetUtcNow()))
        {
            await SaveAsync(document, ct);
        }
        return await reader.GetAsync(caller, document.Id, 0, ct);
    }

    /// <summary>Para 41: the party under review publishes a transmitted document of its review on its country profile.</summary>
    public async Task<DocumentView> PublishAsync(Caller caller, Guid documentId, CancellationToken ct)
    {
        var (document, who, _) = await access.ReadableAsync(caller, documentId, ct, forUpdate: true);
        DocumentAccess.Require(who, document, DocumentAction.Publish);
        if (options.Value.PublicationRequiresCompletedReview && !who.Review.IsCompleted)
        {
            throw DomainException.Precondition("REVIEW_NOT_COMPLETED", $"country-review/{who.Review.Id}", $"Review {who.Review.Id} is not completed yet: its documents are published on the country profile upon the conclusion of the review.");
        }
        if (await publication.PublishAsync(document, who.Review, caller.Subject, ct))
        {
            await SaveAsync(document, ct);
        }
        return await reader.GetAsync(caller, document.Id, 0, ct);
    }

    private async Task<DocumentView> StepAsync(Caller caller, Guid documentId, long expectedRevision, DocumentAction action, Func<Document, ReviewRecord, Task> step, CancellationToken ct)
    {
        var (document, who, _) = await access.ReadableAsync(caller, documentId, ct, forUpdate: true);
        DocumentAccess.Require(who, document, action);
        document.CheckRevision(expectedRevision);
        await step(document, who.Review);
        await SaveAsync(document, ct);
        return await reader.GetAsync(caller, document.Id, 0, ct);
    }

    private Task<DocumentView> StepAsync(Caller caller, Guid documentId, long expectedRevision, DocumentAction action, Action<Document, ReviewRecord> step, CancellationToken ct) =>
        StepAsync(caller, documentId, expectedRevision, action, (d, r) =>
        {
            step(d, r);
            return Task.CompletedTask;
        }, ct);

    /// <summary>One save; a concurrent change that won (revision moved) is ABORTED with nothing stored.</summary>
    private async Task SaveAsync(Document document, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainException.Conflict(document.Subject, $"The {document.Kind.Describe()} was changed by someone else at the same moment; nothing was saved: read it again and retry.");
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            throw DomainException.Conflict(document.Subject, $"Someone saved the {document.Kind.Describe()} at the same moment; nothing was saved: read it again and retry.");
        }
    }

    /// <summary>
    /// A party's user writes only for a party it acts for: refused before the review is looked up, so the answer
    /// does not depend on (or reveal) whether the review exists.
    /// </summary>
    private static void RequireActsFor(Caller caller, string? party)
    {
        var asked = (party ?? "").Trim();
        if (asked.Length > 0 && !caller.IsSecretariat && !caller.ActsFor(asked))
        {
            throw DomainException.Denied("NOT_ALLOWED", $"party/{ErrorText.Quote(asked)}", $"You do not act for {ErrorText.Quote(asked)}: write documents for your own party.");
        }
    }

    private static void RequireSignedIn(Caller caller)
    {
        if (!caller.IsSignedIn())
        {
            throw DomainException.Denied("SIGN_IN_REQUIRED", "", "Sign in to write documents.");
        }
    }

    /// <summary>The party a new document is written for: given, or the one the kind implies.</summary>
    private static string AuthoringParty(DocumentKind kind, string? asked, ReviewRecord review, AccessContext who)
    {
        var party = (asked ?? "").Trim().ToUpperInvariant();
        switch (kind)
        {
            case DocumentKind.WrittenFeedback:
                if (party.Length == 0)
                {
                    var mine = who.Capacities.Select(c => c.Party).Where(review.IsReviewer).Distinct().ToList();
                    party = mine.Count == 1 ? mine[0] : throw DomainException.Invalid("party", $"Say which reviewing party writes this feedback ({string.Join(" or ", review.Reviewers)}).");
                }
                return review.IsReviewer(party) ? party : throw DomainException.Invalid("party", $"{party} is not a reviewing party of review {review.Id} ({string.Join(", ", review.Reviewers)}).");
            case DocumentKind.SupportingFile:
                if (party.Length == 0)
                {
                    var mine = who.Capacities.Select(c => c.Party).Distinct().ToList();
                    party = mine.Count == 1 ? mine[0] : review.PartyUnderReview;
                }
                return review.Includes(party) ? party : throw DomainException.Invalid("party", $"{party} is not a party of review {review.Id}.");
            default:
                return party.Length == 0 || party == review.PartyUnderReview
                    ? review.PartyUnderReview
                    : throw DomainException.Invalid("party", $"The {kind.Describe()} of review {review.Id} is written for the party under review, {review.PartyUnderReview}.");
        }
    }

    private async Task<Guid?> RespondsToAsync(Caller caller, DocumentKind kind, Guid? respondsTo, ReviewRecord review, CancellationToken ct)
    {
        if (kind != DocumentKind.ClarificationAnswers)
        {
            return respondsTo is null ? null : throw DomainException.Invalid("responds_to_document_id", "Only answers to requests for clarification respond to a document.");
        }
        if (respondsTo is not { } feedbackId)
        {
            throw DomainException.Invalid("responds_to_document_id", "Name the written feedback these answers respond to.");
        }
        var (feedback, _, level) = await access.ReadableAsync(caller, feedbackId, ct);
        if (feedback.Kind != DocumentKind.WrittenFeedback || feedback.CountryReviewId != review.Id || feedback.IsTranslation)
        {
            throw DomainException.Invalid("responds_to_document_id", "Answers to requests for clarification respond to a written feedback of the same review.");
        }
        return level >= ReadLevel.Transmitted && feedback.TransmittedVersion > 0
            ? feedback.Id
            : throw DomainException.Precondition("NOT_TRANSMITTED", feedback.Subject, "The written feedback is not transmitted yet.");
    }

    /// <summary>One questionnaire, one list of observations and one summary per review; one feedback per reviewer; one set of answers per feedback.</summary>
    private async Task RequireFirstAsync(DocumentKind kind, string party, ReviewRecord review, Guid? respondsTo, CancellationToken ct)
    {
        if (kind == DocumentKind.SupportingFile)
        {
            return;
        }
        var originals = db.Documents.Where(d => d.CountryReviewId == review.Id && d.OriginalDocumentId == null);
        if (kind == DocumentKind.WrittenFeedback && !await originals.AnyAsync(d => d.Kind == DocumentKind.SelfAssessmentQuestionnaire && d.TransmittedVersion > 0, ct))
        {
            throw DomainException.Precondition("QUESTIONNAIRE_NOT_TRANSMITTED", $"country-review/{review.Id}", $"The written feedback comes after {review.PartyUnderReview} transmitted its self-assessment questionnaire.");
        }
        var exists = await originals.AnyAsync(d => d.Kind == kind && d.Party == party && d.RespondsToDocumentId == respondsTo, ct);
        if (exists)
        {
            throw DomainException.AlreadyExists("DOCUMENT_EXISTS", $"country-review/{review.Id}/{kind.Code()}/{party}", $"Review {review.Id} already has its {kind.Describe()} of {party}: save a new version of it instead.");
        }
    }

    /// <summary>A version refers only to files uploaded to this document, or to supporting files of the same party in the same review.</summary>
    private async Task RequireOwnFilesAsync(Guid documentId, ReviewRecord review, string party, DocumentContent content, CancellationToken ct)
    {
        var referenced = ContentFields.ReferencedFiles(content);
        if (referenced.Count == 0)
        {
            return;
        }
        var found = await db.Files.AsNoTracking()
            .Where(f => referenced.Contains(f.Id))
            .Join(db.Documents, f => f.DocumentId, d => d.Id, (f, d) => new { f.Id, f.DocumentId, d.Kind, d.Party, d.CountryReviewId })
            .ToListAsync(ct);
        var allowed = found.Where(f => f.DocumentId == documentId || (f.Kind == DocumentKind.SupportingFile && f.Party == party && f.CountryReviewId == review.Id)).Select(f => f.Id).ToHashSet();
        var wrong = referenced.Where(id => !allowed.Contains(id)).ToList();
        if (wrong.Count > 0)
        {
            throw DomainException.Invalid("content.file_ids", $"File {wrong[0]} is neither uploaded to this document nor a supporting file of {party} in review {review.Id}.");
        }
    }
}
