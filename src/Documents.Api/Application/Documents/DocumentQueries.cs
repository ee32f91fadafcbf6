using ReviewMechanism.ServiceDefaults.Authorization;
using Documents.Api.Application.Access;
using Documents.Api.Data;
using Documents.Api.Domain.Access;
using Documents.Api.Domain.Documents;
using Documents.Api.Domain.Questionnaires;
using Microsoft.EntityFrameworkCore;

namespace Documents.Api.Application.Documents;

public sealed record ArticleProgress(string ArticleId, bool Done);

public sealed record DocumentProgress(Document Document, int Version, IReadOnlyList<ArticleProgress> Articles)
{
    public int Done => Articles.Count(a => a.Done);
}

public sealed record ReviewProgress(string CountryReviewId, Questionnaire Questionnaire, IReadOnlyList<DocumentProgress> Documents);

/// <summary>The review-wide reads: its documents, their per-article progress, the questionnaires.</summary>
public sealed class DocumentQueries(DocumentsDbContext db, DocumentAccess access, DocumentReader reader, QuestionnaireCatalog questionnaires)
{
    public Questionnaire Questionnaire(int cluster) => questionnaires.ForCluster(cluster);

    /// <summary>The documents of a review the caller may know of (without content).</summary>
    public async Task<IReadOnlyList<DocumentView>> ListAsync(Caller caller, string countryReviewId, DocumentKind? kind, CancellationToken ct)
    {
        var review = await access.ReviewAsync(countryReviewId, ct);
        var who = await access.ContextAsync(caller, review, ct);
        var query = db.Documents.AsNoTracking().Include(d => d.Steps).Where(d => d.CountryReviewId == review.Id);
        if (kind is { } k)
        {
            query = query.Where(d => d.Kind == k);
        }
        var views = new List<DocumentView>();
        foreach (var document in await query.OrderBy(d => d.CreatedAt).ToListAsync(ct))
        {
            var level = AccessPolicy.ReadLevel(who, DocumentFacts.Of(document));
            if (level > ReadLevel.None)
            {
                views.Add(await reader.SummaryAsync(document, who, level, ct));
            }
        }
        return views;
    }

    /// <summary>Per article of the cluster's questionnaire: done or not in each per-article document's latest version the caller may read.</summary>
    public async Task<ReviewProgress> ProgressAsync(Caller caller, string countryReviewId, CancellationToken ct)
    {
        var review = await access.ReviewAsync(countryReviewId, ct);
        var who = await access.ContextAsync(caller, review, ct);
        var questionnaire = questionnaires.ForCluster(review.Cluster);
        var documents = await db.Documents.AsNoTracking().Include(d => d.Steps)
            .Where(d => d.CountryReviewId == review.Id && d.Kind != DocumentKind.Summary && d.Kind != DocumentKind.SupportingFile)
            .OrderBy(d => d.CreatedAt).ToListAsync(ct);
        var progress = new List<DocumentProgress>();
        foreach (var document in documents)
        {
            var level = AccessPolicy.ReadLevel(who, DocumentFacts.Of(document));
            var number = DocumentReader.LatestReadable(document, level);
            if (level == ReadLevel.None || number == 0)
            {
                continue;
            }
            var content = await db.Versions.AsNoTracking().Where(v => v.DocumentId == document.Id && v.Number == number).Select(v => v.Content).SingleAsync(ct);
            var done = ContentRules.DoneArticles(content);
            progress.Add(new DocumentProgress(document, number, questionnaire.Articles.Select(a => new ArticleProgress(a.Id, done.Contains(a.Id))).ToList()));
        }
        return new ReviewProgress(review.Id, questionnaire, progress);
    }
}
