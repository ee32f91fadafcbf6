using System.Text;
using Documents.Api.Data;
using Documents.Api.Domain.Languages;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Documents.Api.Application.CountryProfiles;

/// <summary>
/// PostgreSQL full-text search over the published texts: the query is parsed once per language with that language's
/// configuration (websearch syntax: words, "phrases", -excluded) and matched against the texts in that language, so
/// each text is stemmed the way it was written; one branch per language keeps the GIN index usable.
/// </summary>
public sealed class PublishedSearch(DocumentsDbContext db)
{
    public sealed record Row(Guid DocumentId, string Snippet, float Rank);

    public async Task<IReadOnlyList<Row>> SearchAsync(string query, string party, string language, int offset, int limit, CancellationToken ct)
    {
        var languages = language.Length > 0 ? [language] : UnLanguages.Codes.ToList();
        var sql = new StringBuilder("SELECT document_id AS \"DocumentId\", snippet AS \"Snippet\", rank AS \"Rank\" FROM (");
        for (var i = 0; i < languages.Count; i++)
        {
            var configuration = UnLanguages.SearchConfiguration(languages[i]);
            if (i > 0)
            {
                sql.Append(" UNION ALL ");
            }
            // Configurations are literals from a fixed list (never input), so the planner sees constant queries.
            sql.Append($"""
                SELECT t.document_id, t.published_at,
                       ts_headline('{configuration}', t.title || ' — ' || t.text, websearch_to_tsquery('{configuration}', @q), 'StartSel=[[, StopSel=]], MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') AS snippet,
                       ts_rank(t.search_vector, websearch_to_tsquery('{configuration}', @q)) AS rank
                FROM published_texts t
                WHERE t.language = '{languages[i]}' AND t.search_vector @@ websearch_to_tsquery('{configuration}', @q) AND (@party = '' OR t.party = @party)
                """);
        }
        sql.Append(") hits ORDER BY rank DESC, published_at DESC, document_id OFFSET @offset LIMIT @limit");
        return await db.Database.SqlQueryRaw<Row>(
                sql.ToString(),
                new NpgsqlParameter("q", query),
                new NpgsqlParameter("party", party),
                new NpgsqlParameter("offset", offset),
                new NpgsqlParameter("limit", limit))
            .ToListAsync(ct);
    }
}
