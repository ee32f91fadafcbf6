using System.Globalization;
using Documents.Api.Data;
using Documents.Api.Domain.Documents;
using Documents.Api.Domain.Languages;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Documents.Api.Application.CountryProfiles;

/// <summary>The public country profiles (para 41): what each party published, readable and searchable without sign-in.</summary>
public sealed class CountryProfiles(DocumentsDbContext db, PublishedSearch search)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public async Task<IReadOnlyList<CountryProfileSummary>> ListAsync(CancellationToken ct)
    {
        var rows = await db.PublishedTexts.AsNoTracking()
            .GroupBy(t => t.Party)
            .Select(g => new { Party = g.Key, Count = g.Count(), Last = g.Max(t => t.PublishedAt) })
            .OrderBy(g => g.Party)
            .ToListAsync(ct);
        return rows.Select(r => new CountryProfileSummary(r.Party, r.Count, r.Last)).ToList();
    }

    public async Task<CountryProfile> GetAsync(string party, CancellationToken ct)
    {
        var iso3 = (party ?? "").Trim().ToUpperInvariant();
        if (iso3.Length != 3 || !iso3.All(char.IsAsciiLetterUpper))
        {
            throw DomainException.Invalid("party", "Give the party's ISO 3166-1 alpha-3 code (e.g. AUT).");
        }
        var ids = await db.PublishedTexts.AsNoTracking().Where(t => t.Party == iso3).OrderByDescending(t => t.PublishedAt).Select(t => t.DocumentId).ToListAsync(ct);
        return new CountryProfile(iso3, await InfosAsync(ids, ct));
    }

    public async Task<PublishedDocument> GetDocumentAsync(Guid documentId, CancellationToken ct)
    {
        var info = (await InfosAsync([documentId], ct)).SingleOrDefault()
            ?? throw DomainException.NotFound("DOCUMENT_NOT_PUBLISHED", $"document/{documentId}", $"No published document {documentId}.");
        var content = await db.Versions.AsNoTracking()
            .Where(v => v.DocumentId == documentId && v.Number == info.Document.PublishedVersion).Select(v => v.Content).SingleAsync(ct);
        return new PublishedDocument(info, content);
    }

    public async Task<SearchResults> SearchAsync(string query, string party, string language, int pageSize, string pageToken, CancellationToken ct)
    {
        var words = (query ?? "").Trim();
        var violations = new List<FieldViolation>();
        if (words.Length == 0 || words.Length > 500)
        {
            violations.Add(new FieldViolation("query", "Type between 1 and 500 characters to search for."));
        }
        var offset = 0;
        if (!string.IsNullOrEmpty(pageToken) && (!int.TryParse(pageToken, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset > 10_000))
        {
            violations.Add(new FieldViolation("page_token", "Pass the next_page_token of the previous page unchanged."));
        }
        if (pageSize is < 0 or > MaxPageSize)
        {
            violations.Add(new FieldViolation("page_size", $"Between 1 and {MaxPageSize} (0 = {DefaultPageSize})."));
        }
        var iso3 = (party ?? "").Trim().ToUpperInvariant();
        var lang = string.IsNullOrWhiteSpace(language) ? "" : UnLanguages.Validate(language);
        if (violations.Count > 0)
        {
            throw DomainException.Invalid(violations);
        }
        var size = pageSize == 0 ? DefaultPageSize : pageSize;
        var rows = await search.SearchAsync(words, iso3, lang, offset, size + 1, ct);
        var infos = (await InfosAsync(rows.Take(size).Select(r => r.DocumentId).ToList(), ct)).ToDictionary(i => i.Document.Id);
        var hits = rows.Take(size).Where(r => infos.ContainsKey(r.DocumentId)).Select(r => new SearchHit(infos[r.DocumentId], r.Snippet, r.Rank)).ToList();
        return new SearchResults(hits, rows.Count > size ? (offset + size).ToString(CultureInfo.InvariantCulture) : "");
    }

    private async Task<IReadOnlyList<PublishedDocumentInfo>> InfosAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var documents = await db.Documents.AsNoTracking().Include(d => d.Steps).Where(d => ids.Contains(d.Id) && d.PublishedVersion > 0).ToDictionaryAsync(d => d.Id, ct);
        var texts = await db.PublishedTexts.AsNoTracking().Where(t => ids.Contains(t.DocumentId)).ToDictionaryAsync(t => t.DocumentId, ct);
        var published = await db.Versions.AsNoTracking()
            .Where(v => ids.Contains(v.DocumentId))
            .Join(db.Documents, v => new { v.DocumentId, v.Number }, d => new { DocumentId = d.Id, Number = d.PublishedVersion }, (v, d) => new { v.DocumentId, v.Content })
            .ToDictionaryAsync(v => v.DocumentId, v => ContentFields.ReferencedFiles(v.Content), ct);
        var files = await db.Files.AsNoTracking().Where(f => ids.Contains(f.DocumentId)).ToListAsync(ct);
        return ids.Where(id => documents.ContainsKey(id) && texts.ContainsKey(id)).Select(id => new PublishedDocumentInfo(
            documents[id],
            texts[id].Title,
            texts[id].PublishedAt,
            files.Where(f => f.DocumentId == id && published.TryGetValue(id, out var refs) && refs.Contains(f.Id)).ToList())).ToList();
    }
}
