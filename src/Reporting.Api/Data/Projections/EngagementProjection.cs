using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Reporting.Api.Data.Projections;

/// <summary>
/// Writes the Engagement service's facts. An application (or registration) is one row; each event sets its own part
/// (submitted, decided, withdrawn, attendance) with its time, and an older event never overwrites a newer one, so the
/// arrival order does not matter. The descriptive columns (dialogue, organization) come from the first event stored.
/// </summary>
public sealed class EngagementProjection(ReportingDbContext db)
{
    public Task SubmittedAsync(ApplicationFact a, CancellationToken cancellationToken) => UpsertApplicationAsync(a,
        "submitted_at = CASE WHEN a.submitted_at IS NULL OR a.submitted_at > EXCLUDED.submitted_at THEN EXCLUDED.submitted_at ELSE a.submitted_at END",
        submittedAt: a.OccurredAt, cancellationToken: cancellationToken);

    public Task DecidedAsync(ApplicationFact a, string outcome, CancellationToken cancellationToken) => UpsertApplicationAsync(a,
        "outcome = CASE WHEN a.decided_at IS NULL OR a.decided_at <= EXCLUDED.decided_at THEN EXCLUDED.outcome ELSE a.outcome END, " +
        "decided_at = greatest(a.decided_at, EXCLUDED.decided_at)",
        outcome: outcome, decidedAt: a.OccurredAt, cancellationToken: cancellationToken);

    public Task WithdrawnAsync(ApplicationFact a, CancellationToken cancellationToken) => UpsertApplicationAsync(a,
        "withdrawn_at = coalesce(least(a.withdrawn_at, EXCLUDED.withdrawn_at), EXCLUDED.withdrawn_at)",
        withdrawnAt: a.OccurredAt, cancellationToken: cancellationToken);

    public Task AttendanceAsync(ApplicationFact a, string attendance, CancellationToken cancellationToken) => UpsertApplicationAsync(a,
        "attendance = CASE WHEN a.attendance_at IS NULL OR a.attendance_at <= EXCLUDED.attendance_at THEN EXCLUDED.attendance ELSE a.attendance END, " +
        "attendance_at = greatest(a.attendance_at, EXCLUDED.attendance_at)",
        attendance: attendance, attendanceAt: a.OccurredAt, cancellationToken: cancellationToken);

    public Task RegisteredAsync(RegistrationFact r, CancellationToken cancellationToken) => UpsertRegistrationAsync(r,
        "registered_at = coalesce(least(t.registered_at, EXCLUDED.registered_at), EXCLUDED.registered_at)", registeredAt: r.OccurredAt, cancellationToken: cancellationToken);

    public Task CancelledAsync(RegistrationFact r, CancellationToken cancellationToken) => UpsertRegistrationAsync(r,
        "cancelled_at = coalesce(least(t.cancelled_at, EXCLUDED.cancelled_at), EXCLUDED.cancelled_at)", cancelledAt: r.OccurredAt, cancellationToken: cancellationToken);

    public Task CompletedAsync(RegistrationFact r, CancellationToken cancellationToken) => UpsertRegistrationAsync(r,
        "completed_at = coalesce(least(t.completed_at, EXCLUDED.completed_at), EXCLUDED.completed_at)", completedAt: r.OccurredAt, cancellationToken: cancellationToken);

    private async Task UpsertApplicationAsync(
        ApplicationFact a, string set, DateTimeOffset? submittedAt = null, string? outcome = null, DateTimeOffset? decidedAt = null,
        DateTimeOffset? withdrawnAt = null, string? attendance = null, DateTimeOffset? attendanceAt = null, CancellationToken cancellationToken = default)
    {
#pragma warning disable EF1002 // The SET clause is one of the constant strings above; every value is a parameter.
        await db.Database.ExecuteSqlRawAsync($$"""
            INSERT INTO rm_dialogue_applications AS a (application_id, dialogue_id, topic, session, held_on, organization, category, country,
                submitted_at, outcome, decided_at, withdrawn_at, attendance, attendance_at)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13)
            ON CONFLICT (application_id) DO UPDATE SET {{set}}
            """,
            Parameters(a.ApplicationId, a.DialogueId, a.Topic, a.Session, Db(a.HeldOn, NpgsqlDbType.Date), a.Organization, a.Category, a.Country,
                Db(submittedAt, NpgsqlDbType.TimestampTz), Db(outcome, NpgsqlDbType.Text), Db(decidedAt, NpgsqlDbType.TimestampTz),
                Db(withdrawnAt, NpgsqlDbType.TimestampTz), Db(attendance, NpgsqlDbType.Text), Db(attendanceAt, NpgsqlDbType.TimestampTz)),
            cancellationToken);
#pragma warning restore EF1002
    }

    private async Task UpsertRegistrationAsync(
        RegistrationFact r, string set, DateTimeOffset? registeredAt = null, DateTimeOffset? cancelledAt = null, DateTimeOffset? completedAt = null,
        CancellationToken cancellationToken = default)
    {
#pragma warning disable EF1002 // The SET clause is one of the constant strings above; every value is a parameter.
        await db.Database.ExecuteSqlRawAsync($$"""
            INSERT INTO rm_training_registrations AS t (registration_id, training_id, course, kind, country, organization, category,
                registered_at, cancelled_at, completed_at)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)
            ON CONFLICT (registration_id) DO UPDATE SET {{set}}
            """,
            Parameters(r.RegistrationId, r.TrainingId, r.Course, r.Kind, r.Country, r.Organization, r.Category,
                Db(registeredAt, NpgsqlDbType.TimestampTz), Db(cancelledAt, NpgsqlDbType.TimestampTz), Db(completedAt, NpgsqlDbType.TimestampTz)),
            cancellationToken);
#pragma warning restore EF1002
    }

    /// <summary>A typed parameter, so a null value still has its column's type.</summary>
    private static (object? Value, NpgsqlDbType Type) Db(object? value, NpgsqlDbType type) => (value, type);

    private static NpgsqlParameter[] Parameters(params object[] values) =>
        [.. values.Select((v, i) => v is ValueTuple<object?, NpgsqlDbType> typed
            ? new NpgsqlParameter("p" + i, typed.Item2) { Value = typed.Item1 ?? DBNull.Value }
            : new NpgsqlParameter("p" + i, v))];
}
