using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Reporting.Api.Application.Reports;
using Reporting.Api.Domain.FocalPoints;
using Reporting.Api.Domain.Reviews;

namespace Reporting.Api.Data;

/// <summary>
/// Reads the read models as they stood at the end of a date, in one repeatable-read snapshot: each review with its
/// stage, parties and languages on that date, and the aggregates (nominations, documents, briefings, survey) computed by
/// PostgreSQL; the engagement figures (dialogues, trainings) summed from their running totals per day.
/// </summary>
public sealed class ReportReader(ReportingDbContext db)
{
    public async Task<ReportInputs> ReadAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var end = ReportWindow.EndOf(asOf);
        var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var reviews = await ReviewsAsync(connection, end, cancellationToken);
        var focalPoints = await ListAsync(connection, """
            SELECT party, scope_kind, scope_review_id FROM rm_nominations
            WHERE known AND role = 'FOCAL_POINT' AND effective_from < @end AND (ended_at IS NULL OR ended_at >= @end)
            """, end, r => new FocalPointNomination(r.GetString(0), (ScopeKind)r.GetInt32(1), r.IsDBNull(2) ? null : r.GetString(2)), cancellationToken);
        var lastEnds = await ListAsync(connection, """
            SELECT party, max(ended_at) FROM rm_nominations WHERE role = 'FOCAL_POINT' AND ended_at < @end GROUP BY party
            """, end, r => (Party: r.GetString(0), At: r.GetFieldValue<DateTimeOffset>(1)), cancellationToken);
        var feedback = await ListAsync(connection, """
            SELECT review_id, count(*)::int FROM rm_document_events WHERE kind = 'WRITTEN_FEEDBACK' AND occurred_at < @end GROUP BY review_id
            """, end, r => (Review: r.GetString(0), Count: r.GetInt32(1)), cancellationToken);
        var nominations = await NominationsAsync(connection, end, cancellationToken);
        // The engagement figures from their running totals (changes per day, kept by the fact tables' triggers): a few
        // rows a dialogue, course and day instead of every application and registration.
        var dialogues = await ListAsync(connection, """
            SELECT d.dialogue_id, g.topic, g.session, g.held_on, d.category,
                   sum(d.submitted)::int, sum(d.approved)::int, sum(d.attended)::int, sum(d.attending_organizations)::int
            FROM rm_dialogue_daily d JOIN rm_dialogue_groups g USING (dialogue_id, category)
            WHERE d.day < rm_day(@end)
            GROUP BY d.dialogue_id, d.category, g.topic, g.session, g.held_on HAVING sum(d.seen) > 0
            ORDER BY g.held_on, d.dialogue_id, d.category
            """, end, r => new DialogueCategoryRow(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : DateOnly.FromDateTime(r.GetDateTime(3)),
                r.GetString(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8)), cancellationToken);
        var courses = await ListAsync(connection, """
            SELECT course, kind, sum(active)::int, sum(completed)::int FROM rm_course_daily WHERE day < rm_day(@end)
            GROUP BY course, kind HAVING sum(seen) > 0 ORDER BY course, kind
            """, end, r => new TrainingCourseRow(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3)), cancellationToken);
        var trainingTotals = (await ListAsync(connection, """
            SELECT coalesce(sum(active), 0)::int, coalesce(sum(completed), 0)::int,
                   (SELECT coalesce(sum(countries), 0) FROM rm_training_daily WHERE day < rm_day(@end))::int,
                   (SELECT coalesce(sum(organizations), 0) FROM rm_training_daily WHERE day < rm_day(@end))::int
            FROM rm_course_daily WHERE day < rm_day(@end)
            """, end, r => new TrainingTotals(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3)), cancellationToken)).Single();
        var briefings = await BriefingsAsync(connection, asOf, cancellationToken);
        var needs = await ListAsync(connection, """
            SELECT need, count(*)::int FROM survey_responses, unnest(needs) AS need WHERE received_on < @end GROUP BY need ORDER BY count(*) DESC, need
            """, end, r => (r.GetString(0), r.GetInt32(1)), cancellationToken);
        var responses = await ScalarAsync(connection, "SELECT count(*)::int FROM survey_responses WHERE received_on < @end", end, cancellationToken);
        var observations = (await ListAsync(connection, """
            SELECT count(*)::int, coalesce(sum(technical_assistance_needs), 0)::int FROM rm_document_events WHERE kind = 'LIST_OF_OBSERVATIONS' AND occurred_at < @end
            """, end, r => (Lists: r.GetInt32(0), Needs: r.GetInt32(1)), cancellationToken)).Single();
        // When the read models last took an event in (the inbox's processed_at is indexed; scanning every fact table is not).
        var lastEvent = (await ListAsync(connection, "SELECT max(processed_at) FROM inbox_messages WHERE processed_at < @end",
            end, r => r.IsDBNull(0) ? (DateTimeOffset?)null : r.GetFieldValue<DateTimeOffset>(0), cancellationToken)).Single();
        await transaction.CommitAsync(cancellationToken);
        return new ReportInputs(
            asOf, reviews, focalPoints, lastEnds.ToDictionary(e => e.Party, e => e.At), feedback.ToDictionary(f => f.Review, f => f.Count),
            nominations, dialogues, courses, trainingTotals, briefings, needs, responses, observations.Lists, observations.Needs, lastEvent);
    }

    /// <summary>The reviews on another date, and the nominations between it and the report's date (the "since" figures).</summary>
    public async Task<SinceInputs> ReadSinceAsync(DateOnly since, DateOnly asOf, CancellationToken cancellationToken)
    {
        var from = ReportWindow.EndOf(since);
        var end = ReportWindow.EndOf(asOf);
        var connection = await OpenAsync(cancellationToken);
        var reviews = await ReviewsAsync(connection, from, cancellationToken);
        var counts = await ListAsync(connection, """
            SELECT count(*) FILTER (WHERE role = 'FOCAL_POINT')::int, count(*) FILTER (WHERE role = 'GOVERNMENTAL_EXPERT')::int,
                   (SELECT count(*)::int FROM rm_focal_point_changes WHERE effective_from >= @from AND effective_from < @end)
            FROM rm_nominations WHERE known AND effective_from >= @from AND effective_from < @end
            """, end, r => (r.GetInt32(0), r.GetInt32(1), r.GetInt32(2)), cancellationToken, ("from", from));
        var (focalPoints, experts, substitutions) = counts.Single();
        return new SinceInputs(since, reviews, focalPoints, experts, substitutions);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        return connection;
    }

    private static async Task<List<ReviewState>> ReviewsAsync(NpgsqlConnection connection, DateTimeOffset end, CancellationToken cancellationToken) =>
        await ListAsync(connection, """
            SELECT r.id, r.party_under_review, r.group_number, r.phase, r.cluster, r.start_date, r.opened_at,
                   coalesce(s.to_stage, 1), coalesce(s.changed_at, r.opened_at), coalesce(p.parties, ARRAY[r.party_under_review]),
                   coalesce(p.roles, ARRAY['PARTY_UNDER_REVIEW']), coalesce(l.languages, ARRAY[]::text[])
            FROM rm_reviews r
            LEFT JOIN LATERAL (SELECT to_stage, changed_at FROM rm_stage_changes c WHERE c.review_id = r.id AND c.changed_at < @end
                               ORDER BY c.changed_at DESC, c.to_stage DESC LIMIT 1) s ON true
            LEFT JOIN LATERAL (SELECT parties, roles FROM rm_review_parties p WHERE p.review_id = r.id AND p.changed_at < @end
                               ORDER BY p.changed_at DESC LIMIT 1) p ON true
            LEFT JOIN rm_review_languages l ON l.review_id = r.id AND l.agreed_at < @end
            WHERE r.opened_at < @end
            ORDER BY r.group_number, r.id
            """, end, r =>
            {
                var parties = r.GetFieldValue<string[]>(9);
                var roles = r.GetFieldValue<string[]>(10);
                return new ReviewState(
                    r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), DateOnly.FromDateTime(r.GetDateTime(5)),
                    r.GetFieldValue<DateTimeOffset>(6), (Stage)r.GetInt32(7), r.GetFieldValue<DateTimeOffset>(8),
                    [.. parties.Zip(roles, (party, role) => new ReviewPlace(party, role))], r.GetFieldValue<string[]>(11));
            }, cancellationToken);

    private static async Task<NominationInputs> NominationsAsync(NpgsqlConnection connection, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var rows = await ListAsync(connection, """
            SELECT role, gender, count(*)::int, count(*) FILTER (WHERE ended_at IS NULL OR ended_at >= @end)::int
            FROM rm_nominations WHERE known AND effective_from < @end GROUP BY role, gender ORDER BY role, gender
            """, end, r => new RoleGenderRow(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3)), cancellationToken);
        var figures = (await ListAsync(connection, """
            WITH active AS (
                SELECT party, role, person_id FROM rm_nominations
                WHERE known AND effective_from < @end AND (ended_at IS NULL OR ended_at >= @end))
            SELECT (SELECT count(DISTINCT party) FROM active WHERE role = 'FOCAL_POINT')::int,
                   (SELECT count(*) FROM (SELECT party FROM active WHERE role = 'FOCAL_POINT' GROUP BY party HAVING count(DISTINCT person_id) > 1) s)::int,
                   (SELECT count(DISTINCT party) FROM rm_nominations WHERE known AND role = 'FOCAL_POINT' AND effective_from < @end)::int,
                   (SELECT count(DISTINCT party) FROM rm_focal_point_changes WHERE effective_from < @end)::int,
                   (SELECT count(*) FROM rm_focal_point_changes WHERE effective_from < @end)::int,
                   (SELECT count(DISTINCT party) FROM active WHERE role = 'OBSERVER')::int,
                   (SELECT count(*) FROM active WHERE role = 'OBSERVER')::int
            """, end, r => new NominationInputs(rows, r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6)), cancellationToken)).Single();
        return figures;
    }

    private static async Task<BriefingTotals> BriefingsAsync(NpgsqlConnection connection, DateOnly asOf, CancellationToken cancellationToken)
    {
        var end = ReportWindow.EndOf(asOf);
        var totals = (await ListAsync(connection, """
            SELECT count(*)::int, coalesce(sum(officials), 0)::int,
                   (SELECT count(DISTINCT c) FROM briefings b2, unnest(b2.countries) AS c WHERE b2.held_on < @end)::int
            FROM briefings WHERE held_on < @end
            """, end, r => (r.GetInt32(0), r.GetInt32(1), r.GetInt32(2)), cancellationToken)).Single();
        var languages = await ListAsync(connection, """
            SELECT language, count(*)::int FROM briefings, unnest(languages) AS language WHERE held_on < @end GROUP BY language ORDER BY count(*) DESC, language
            """, end, r => (r.GetString(0), r.GetInt32(1)), cancellationToken);
        return new BriefingTotals(totals.Item1, totals.Item2, totals.Item3, languages);
    }

    private static async Task<int> ScalarAsync(NpgsqlConnection connection, string sql, DateTimeOffset end, CancellationToken cancellationToken) =>
        (await ListAsync(connection, sql, end, r => r.GetInt32(0), cancellationToken)).Single();

    private static async Task<List<T>> ListAsync<T>(
        NpgsqlConnection connection, string sql, DateTimeOffset end, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("end", end);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }
        return rows;
    }
}
