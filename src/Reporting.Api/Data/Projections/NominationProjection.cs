using Microsoft.EntityFrameworkCore;

namespace Reporting.Api.Data.Projections;

/// <summary>
/// Writes the Nominations service's facts. A nomination's end may arrive before the nomination: the end makes a row
/// (not yet <c>known</c>) that the nomination completes, keeping the end.
/// </summary>
public sealed class NominationProjection(ReportingDbContext db)
{
    public async Task NominatedAsync(ReceivedNomination n, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO rm_nominations (nomination_id, known, party, role, scope_kind, scope_review_id, person_id, gender, effective_from)
            VALUES ({n.NominationId}, true, {n.Party}, {n.Role}, {n.ScopeKind}, {n.ScopeReviewId}, {n.PersonId}, {n.Gender}, {n.EffectiveFrom})
            ON CONFLICT (nomination_id) DO UPDATE SET known = true, party = EXCLUDED.party, role = EXCLUDED.role,
                scope_kind = EXCLUDED.scope_kind, scope_review_id = EXCLUDED.scope_review_id, person_id = EXCLUDED.person_id,
                gender = EXCLUDED.gender, effective_from = EXCLUDED.effective_from
            """, cancellationToken);

    public async Task EndedAsync(EndedNomination n, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO rm_nominations (nomination_id, known, party, role, scope_kind, scope_review_id, person_id, gender, ended_at, end_kind)
            VALUES ({n.NominationId}, false, {n.Party}, {n.Role}, {n.ScopeKind}, {n.ScopeReviewId}, {n.PersonId}, '', {n.EndedAt}, {n.EndKind})
            ON CONFLICT (nomination_id) DO UPDATE SET ended_at = EXCLUDED.ended_at, end_kind = EXCLUDED.end_kind
            """, cancellationToken);

    public async Task FocalPointReplacedAsync(string predecessorId, string successorId, string party, DateTimeOffset effectiveFrom, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO rm_focal_point_changes (predecessor_nomination_id, successor_nomination_id, party, effective_from)
            VALUES ({predecessorId}, {successorId}, {party}, {effectiveFrom})
            ON CONFLICT DO NOTHING
            """, cancellationToken);
}
