using Microsoft.EntityFrameworkCore;

namespace Reporting.Api.Data.Projections;

/// <summary>
/// Writes the Reviews service's facts into the read models. Every write is an upsert on the fact's natural key:
/// applying a fact twice, or facts of one review in any order, leaves the same rows.
/// </summary>
public sealed class ReviewProjection(ReportingDbContext db)
{
    public async Task OpenedAsync(OpenedReview review, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO rm_reviews (id, party_under_review, group_number, phase, cluster, start_date, opened_at)
            VALUES ({review.Id}, {review.PartyUnderReview}, {review.Group}, {review.Phase}, {review.Cluster}, {review.StartDate}, {review.OpenedAt})
            ON CONFLICT (id) DO UPDATE SET party_under_review = EXCLUDED.party_under_review, group_number = EXCLUDED.group_number,
                phase = EXCLUDED.phase, cluster = EXCLUDED.cluster, start_date = EXCLUDED.start_date, opened_at = EXCLUDED.opened_at
            """, cancellationToken);
        await PartiesChangedAsync(review.Id, review.OpenedAt, review.Places, cancellationToken);
    }

    public async Task PartiesChangedAsync(string reviewId, DateTimeOffset changedAt, IReadOnlyList<(string Party, string Role)> places, CancellationToken cancellationToken)
    {
        var parties = places.Select(p => p.Party).ToArray();
        var roles = places.Select(p => p.Role).ToArray();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO rm_review_parties (review_id, changed_at, parties, roles) VALUES ({reviewId}, {changedAt}, {parties}, {roles})
            ON CONFLICT (review_id, changed_at) DO UPDATE SET parties = EXCLUDED.parties, roles = EXCLUDED.roles
            """, cancellationToken);
    }

    public async Task StageChangedAsync(StageChange change, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO rm_stage_changes (review_id, changed_at, to_stage, from_stage) VALUES ({change.ReviewId}, {change.ChangedAt}, {change.ToStage}, {change.FromStage})
            ON CONFLICT DO NOTHING
            """, cancellationToken);

    /// <summary>The latest agreement wins: an older one arriving late changes nothing.</summary>
    public async Task LanguagesAgreedAsync(AgreedLanguages languages, CancellationToken cancellationToken)
    {
        var codes = languages.Languages.ToArray();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO rm_review_languages (review_id, languages, exceptional, agreed_at) VALUES ({languages.ReviewId}, {codes}, {languages.Exceptional}, {languages.AgreedAt})
            ON CONFLICT (review_id) DO UPDATE SET languages = EXCLUDED.languages, exceptional = EXCLUDED.exceptional, agreed_at = EXCLUDED.agreed_at
            WHERE rm_review_languages.agreed_at <= EXCLUDED.agreed_at
            """, cancellationToken);
    }
}
