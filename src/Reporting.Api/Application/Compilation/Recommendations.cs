using Google.Protobuf.WellKnownTypes;
using Markdig;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reporting.Api.Data;
using Reporting.Api.Data.Records;
using Reporting.Api.Domain.Compilation;
using ReviewMechanism.Reporting.V1;

namespace Reporting.Api.Application.Compilation;

/// <summary>
/// The compilation of recommendations as data: entries added one by one (the compilation regenerated in the same
/// transaction, as a new revision: Markdown and HTML), listed, and searched by topic and by text (PostgreSQL
/// full-text search with English stemming).
/// </summary>
public sealed class Recommendations(ReportingDbContext db, TimeProvider time)
{
    private const long CompilationLock = 0x434F4D50494C; // "COMPIL"
    private static readonly MarkdownPipeline Html = new MarkdownPipelineBuilder().DisableHtml().Build();

    public async Task<(Recommendation Recommendation, int Revision)> AddAsync(RecommendationEntry entry, string addedBy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var valid = EntryRules.Validate(entry, now.Year);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SELECT 1 FROM (SELECT pg_advisory_xact_lock({0})) AS l", [CompilationLock], ct);
            var kind = KindName(valid.Kind);
            if (valid.Kind == EntryKind.ChairObservation && valid.Number.Length == 0)
            {
                var count = await db.Recommendations.CountAsync(r => r.Kind == kind && r.Body == valid.Body && r.DocumentSymbol == valid.DocumentSymbol && r.Year == valid.Year, ct);
                valid = valid with { Number = (count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }
            if (await db.Recommendations.AnyAsync(r => r.Kind == kind && r.Body == valid.Body && r.DocumentSymbol == valid.DocumentSymbol && r.Number == valid.Number, ct))
            {
                throw DomainException.AlreadyExists("RECOMMENDATION_EXISTS", $"recommendation/{valid.DocumentSymbol}/{valid.Number}",
                    $"The compilation already has {Heading(valid)} of {valid.Body} ({valid.DocumentSymbol}).");
            }
            var record = new RecommendationRecord
            {
                Id = Guid.CreateVersion7(now),
                Kind = kind,
                Body = valid.Body,
                Year = valid.Year,
                DocumentSymbol = valid.DocumentSymbol,
                Number = valid.Number,
                Text = valid.Text,
                Topics = [.. valid.Topics],
                AddedAt = now,
                AddedBy = addedBy,
            };
            db.Recommendations.Add(record);
            await db.SaveChangesAsync(ct);
            var revision = await RegenerateAsync(now, ct);
            await transaction.CommitAsync(ct);
            return (ToProto(record), revision);
        }, cancellationToken);
    }

    /// <summary>Adds the entries of the 2024 compilation when the compilation is empty (first start).</summary>
    public async Task SeedAsync(IReadOnlyList<RecommendationEntry> entries, CancellationToken cancellationToken)
    {
        if (await db.Recommendations.AnyAsync(cancellationToken))
        {
            return;
        }
        var now = time.GetUtcNow();
        var valid = entries.Select(e => EntryRules.Validate(e, now.Year)).ToList();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SELECT 1 FROM (SELECT pg_advisory_xact_lock({0})) AS l", [CompilationLock], ct);
            if (await db.Recommendations.AnyAsync(ct))
            {
                return;
            }
            foreach (var entry in valid)
            {
                db.Recommendations.Add(new RecommendationRecord
                {
                    Id = Guid.CreateVersion7(now),
                    Kind = KindName(entry.Kind),
                    Body = entry.Body,
                    Year = entry.Year,
                    DocumentSymbol = entry.DocumentSymbol,
                    Number = entry.Number,
                    Text = entry.Text,
                    Topics = [.. entry.Topics],
                    AddedAt = now,
                    AddedBy = "seed: compilation of April 2024",
                });
                // One at a time, so the identity column keeps the published order.
                await db.SaveChangesAsync(ct);
            }
            await RegenerateAsync(now, ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }

    public async Task<ListRecommendationsResponse> ListAsync(ListRecommendationsRequest request, CancellationToken cancellationToken)
    {
        var query = db.Recommendations.AsNoTracking();
        if (request.Kind != RecommendationKind.Unspecified)
        {
            var kind = KindName(FromProto(request.Kind));
            query = query.Where(r => r.Kind == kind);
        }
        if (request.Year != 0)
        {
            query = query.Where(r => r.Year == request.Year);
        }
        if (!string.IsNullOrWhiteSpace(request.Topic))
        {
            var topic = request.Topic.Trim().ToLowerInvariant();
            query = query.Where(r => r.Topics.Contains(topic));
        }
        var records = await query.ToListAsync(cancellationToken);
        var response = new ListRecommendationsResponse();
        response.Recommendations.AddRange(Ordered(records).Select(ToProto));
        var topics = await db.Database.SqlQueryRaw<TopicRow>(
            "SELECT topic AS \"Topic\", count(*)::int AS \"Entries\" FROM recommendations, unnest(topics) AS topic GROUP BY topic ORDER BY count(*) DESC, topic").ToListAsync(cancellationToken);
        response.Topics.AddRange(topics.Select(t => new TopicCount { Topic = t.Topic, Entries = t.Entries }));
        return response;
    }

    public async Task<SearchRecommendationsResponse> SearchAsync(SearchRecommendationsRequest request, CancellationToken cancellationToken)
    {
        var limit = request.Limit switch
        {
            0 => 20,
            < 0 or > 200 => throw DomainException.Invalid("limit", "Ask for 1 to 200 results (0 = 20)."),
            _ => request.Limit,
        };
        var text = request.Text.Trim();
        var topics = request.Topics.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().ToArray();
        if (text.Length == 0 && topics.Length == 0)
        {
            throw DomainException.Invalid("text", "Give words to search for, topics, or both.");
        }
        var rows = await db.Database.SqlQueryRaw<SearchRow>("""
            SELECT r.id AS "Id", coalesce(ts_rank(r.search, q), 0)::real AS "Rank",
                   coalesce(ts_headline('english', r.text, q, 'StartSel=**, StopSel=**, MaxWords=35, MinWords=12, MaxFragments=2'), r.text) AS "Snippet"
            FROM recommendations r, (SELECT CASE WHEN @text = '' THEN NULL ELSE websearch_to_tsquery('english', @text) END AS q) query
            WHERE (@text = '' OR r.search @@ q) AND r.topics @> @topics
            ORDER BY ts_rank(r.search, q) DESC NULLS LAST, r.sequence
            LIMIT @limit
            """, new NpgsqlParameter("text", text), new NpgsqlParameter("topics", topics), new NpgsqlParameter("limit", limit)).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var records = await db.Recommendations.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var response = new SearchRecommendationsResponse();
        response.Hits.AddRange(rows.Select(r => new RecommendationHit
        {
            Recommendation = ToProto(records[r.Id]),
            Snippet = text.Length == 0 ? records[r.Id].Text : r.Snippet,
            Rank = r.Rank,
        }));
        return response;
    }

    public async Task<ReviewMechanism.Reporting.V1.Compilation> GetCompilationAsync(CancellationToken cancellationToken)
    {
        var latest = await db.CompilationRevisions.AsNoTracking().OrderByDescending(r => r.Revision).FirstOrDefaultAsync(cancellationToken)
            ?? throw DomainException.NotFound("COMPILATION_EMPTY", "compilation", "The compilation has no entry yet.");
        return new ReviewMechanism.Reporting.V1.Compilation
        {
            Revision = latest.Revision,
            GeneratedAt = Timestamp.FromDateTimeOffset(latest.GeneratedAt),
            Entries = latest.Entries,
            Markdown = latest.Markdown,
            Html = latest.Html,
        };
    }

    private async Task<int> RegenerateAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var records = Ordered(await db.Recommendations.AsNoTracking().ToListAsync(cancellationToken));
        var revision = (await db.CompilationRevisions.MaxAsync(r => (int?)r.Revision, cancellationToken) ?? 0) + 1;
        var markdown = CompilationDocument.Markdown([.. records.Select(ToEntry)], revision, now);
        db.CompilationRevisions.Add(new CompilationRevision
        {
            Revision = revision,
            GeneratedAt = now,
            Entries = records.Count,
            Markdown = markdown,
            Html = Markdown.ToHtml(markdown, Html),
        });
        await db.SaveChangesAsync(cancellationToken);
        return revision;
    }

    /// <summary>Part A then B; by year; meetings in the order their first entry was added; entries in order of addition.</summary>
    private static List<RecommendationRecord> Ordered(List<RecommendationRecord> records)
    {
        var firstOfMeeting = records.GroupBy(r => (r.Kind, r.Year, r.Body, r.DocumentSymbol)).ToDictionary(g => g.Key, g => g.Min(r => r.Sequence));
        return [.. records
            .OrderBy(r => r.Kind == KindName(EntryKind.WorkingGroup) ? 0 : 1)
            .ThenBy(r => r.Year)
            .ThenBy(r => firstOfMeeting[(r.Kind, r.Year, r.Body, r.DocumentSymbol)])
            .ThenBy(r => r.Sequence)];
    }

    public static string KindName(EntryKind kind) => kind == EntryKind.WorkingGroup ? "WORKING_GROUP" : "CHAIR_OBSERVATION";

    public static EntryKind FromProto(RecommendationKind kind) => kind switch
    {
        RecommendationKind.WorkingGroup => EntryKind.WorkingGroup,
        RecommendationKind.ChairObservation => EntryKind.ChairObservation,
        _ => (EntryKind)0,
    };

    private static string Heading(RecommendationEntry entry) =>
        entry.Kind == EntryKind.WorkingGroup ? $"recommendation {entry.Number}" : $"observation {entry.Number}";

    private static RecommendationEntry ToEntry(RecommendationRecord r) => new(
        r.Kind == KindName(EntryKind.WorkingGroup) ? EntryKind.WorkingGroup : EntryKind.ChairObservation, r.Body, r.Year, r.DocumentSymbol, r.Number, r.Text, r.Topics);

    public static Recommendation ToProto(RecommendationRecord r)
    {
        var recommendation = new Recommendation
        {
            Id = r.Id.ToString(),
            Kind = r.Kind == KindName(EntryKind.WorkingGroup) ? RecommendationKind.WorkingGroup : RecommendationKind.ChairObservation,
            Body = r.Body,
            Year = r.Year,
            DocumentSymbol = r.DocumentSymbol,
            Number = r.Number,
            Text = r.Text,
            AddedAt = Timestamp.FromDateTimeOffset(r.AddedAt),
            AddedBy = r.AddedBy,
        };
        recommendation.Topics.AddRange(r.Topics);
        return recommendation;
    }

    private sealed record TopicRow(string Topic, int Entries);

    private sealed record SearchRow(Guid Id, float Rank, string Snippet);
}
