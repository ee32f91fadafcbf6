using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Reporting.Api.Data.Projections;
using Reporting.Tests.Support;

namespace Reporting.Tests.ReadModels;

/// <summary>
/// The running totals per day that the report reads give, on every date, exactly what counting the facts themselves
/// gives (the queries the report ran before): random applications and registrations, their events in a random order
/// (re-decisions, withdrawals, attendance re-recorded, cancellations, events applied twice), several facts a day.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class EngagementRunningTotalsTests(ServersFixture servers)
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // The aggregates as the report computed them from the facts (before the running totals), per date.
    private const string DialoguesFromFacts = """
        SELECT dialogue_id || ' ' || min(topic) || ' ' || min(session) || ' ' || coalesce(min(held_on)::text, '-') || ' ' || category || ' ' ||
               count(*) FILTER (WHERE submitted_at < @end AND (withdrawn_at IS NULL OR withdrawn_at >= @end)) || ' ' ||
               count(*) FILTER (WHERE decided_at < @end AND outcome LIKE 'APPROVED%' AND (withdrawn_at IS NULL OR withdrawn_at >= @end)) || ' ' ||
               count(*) FILTER (WHERE attendance_at < @end AND attendance LIKE 'ATTENDED%') || ' ' ||
               count(DISTINCT organization) FILTER (WHERE attendance_at < @end AND attendance LIKE 'ATTENDED%')
        FROM rm_dialogue_applications WHERE submitted_at < @end OR attendance_at < @end
        GROUP BY dialogue_id, category ORDER BY min(held_on), dialogue_id, category
        """;

    private const string DialoguesFromTotals = """
        SELECT d.dialogue_id || ' ' || g.topic || ' ' || g.session || ' ' || coalesce(g.held_on::text, '-') || ' ' || d.category || ' ' ||
               sum(d.submitted) || ' ' || sum(d.approved) || ' ' || sum(d.attended) || ' ' || sum(d.attending_organizations)
        FROM rm_dialogue_daily d JOIN rm_dialogue_groups g USING (dialogue_id, category)
        WHERE d.day < rm_day(@end)
        GROUP BY d.dialogue_id, d.category, g.topic, g.session, g.held_on HAVING sum(d.seen) > 0
        ORDER BY g.held_on, d.dialogue_id, d.category
        """;

    private const string TrainingsFromFacts = """
        SELECT 'course ' || course || ' ' || kind || ' ' || count(*) FILTER (WHERE cancelled_at IS NULL OR cancelled_at >= @end) || ' ' ||
               count(*) FILTER (WHERE completed_at < @end)
        FROM rm_training_registrations WHERE registered_at < @end GROUP BY course, kind
        UNION ALL
        SELECT 'totals ' || count(*) FILTER (WHERE cancelled_at IS NULL OR cancelled_at >= @end) || ' ' || count(*) FILTER (WHERE completed_at < @end) || ' ' ||
               count(DISTINCT country) FILTER (WHERE cancelled_at IS NULL OR cancelled_at >= @end) || ' ' ||
               count(DISTINCT organization) FILTER (WHERE cancelled_at IS NULL OR cancelled_at >= @end)
        FROM rm_training_registrations WHERE registered_at < @end
        ORDER BY 1
        """;

    private const string TrainingsFromTotals = """
        SELECT 'course ' || course || ' ' || kind || ' ' || sum(active) || ' ' || sum(completed)
        FROM rm_course_daily WHERE day < rm_day(@end) GROUP BY course, kind HAVING sum(seen) > 0
        UNION ALL
        SELECT 'totals ' || coalesce(sum(active), 0) || ' ' || coalesce(sum(completed), 0) || ' ' ||
               (SELECT coalesce(sum(countries), 0) FROM rm_training_daily WHERE day < rm_day(@end)) || ' ' ||
               (SELECT coalesce(sum(organizations), 0) FROM rm_training_daily WHERE day < rm_day(@end))
        FROM rm_course_daily WHERE day < rm_day(@end)
        ORDER BY 1
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task TheRunningTotalsGiveWhatCountingTheFactsGivesOnEveryDate(int seed)
    {
        await using var host = await ReportingHost.StartAsync(servers, Start.AddDays(120));
        var random = new Random(seed);
        var writes = Applications(random, 150).Concat(Registrations(random, 150)).OrderBy(_ => random.Next()).ToList();
        writes.AddRange(writes.Where(_ => random.Next(10) == 0).ToList()); // some events delivered twice
        foreach (var batch in writes.Chunk(50))
        {
            await host.ApplyAsync(async (sp, ct) =>
            {
                var engagement = sp.GetRequiredService<EngagementProjection>();
                foreach (var write in batch)
                {
                    await write(engagement, ct);
                }
            });
        }

        var dates = Enumerable.Range(-1, 75).Select(d => DateOnly.FromDateTime(Start.AddDays(d).UtcDateTime)).ToList();
        var checkedRows = 0;
        foreach (var date in dates)
        {
            var end = new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var dialogues = await RowsAsync(host, DialoguesFromFacts, end);
            Assert.Equal(dialogues, await RowsAsync(host, DialoguesFromTotals, end));
            var trainings = await RowsAsync(host, TrainingsFromFacts, end);
            Assert.Equal(trainings, await RowsAsync(host, TrainingsFromTotals, end));
            checkedRows += dialogues.Count + trainings.Count;
        }
        Assert.True(checkedRows > 500, $"only {checkedRows} rows compared");

        // The rebuild recomputes the same totals from the facts.
        await using (var connection = new NpgsqlConnection(host.ConnectionString))
        {
            await connection.OpenAsync();
            await using var rebuild = new NpgsqlCommand("SELECT rm_engagement_totals_rebuild()", connection);
            await rebuild.ExecuteNonQueryAsync();
        }
        var last = new DateTimeOffset(dates[^1].AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        Assert.Equal(await RowsAsync(host, DialoguesFromFacts, last), await RowsAsync(host, DialoguesFromTotals, last));
        Assert.Equal(await RowsAsync(host, TrainingsFromFacts, last), await RowsAsync(host, TrainingsFromTotals, last));
    }

    private static IEnumerable<Func<EngagementProjection, CancellationToken, Task>> Applications(Random random, int count)
    {
        string[] categories = ["NGO", "ACADEMIA", "PRIVATE_SECTOR"];
        string[] outcomes = ["APPROVED_IN_PERSON", "APPROVED_ONLINE", "WAITLISTED", "DECLINED"];
        for (var i = 0; i < count; i++)
        {
            var dialogue = random.Next(4);
            var application = new ApplicationFact($"A{i}", $"D{dialogue}", dialogue % 2 == 0 ? "FIREARMS" : "SMUGGLING_OF_MIGRANTS", $"Session {dialogue}",
                dialogue == 3 ? null : DateOnly.FromDateTime(Start.AddDays(40 + dialogue).UtcDateTime), $"Org {random.Next(25)}", categories[random.Next(3)], "AUT", Start);
            var submitted = At(random, 0, 30);
            if (random.Next(8) > 0)
            {
                yield return (p, ct) => p.SubmittedAsync(application with { OccurredAt = submitted }, ct);
            }
            for (var d = random.Next(3); d > 0; d--)
            {
                var decided = At(random, 0, 45);
                var outcome = outcomes[random.Next(outcomes.Length)];
                yield return (p, ct) => p.DecidedAsync(application with { OccurredAt = decided }, outcome, ct);
            }
            if (random.Next(5) == 0)
            {
                var withdrawn = At(random, 0, 50);
                yield return (p, ct) => p.WithdrawnAsync(application with { OccurredAt = withdrawn }, ct);
            }
            for (var a = random.Next(3); a > 0; a--)
            {
                var attended = At(random, 35, 60);
                var attendance = random.Next(4) == 0 ? "ABSENT" : "ATTENDED_IN_PERSON";
                yield return (p, ct) => p.AttendanceAsync(application with { OccurredAt = attended }, attendance, ct);
            }
        }
    }

    private static IEnumerable<Func<EngagementProjection, CancellationToken, Task>> Registrations(Random random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var registration = new RegistrationFact($"R{i}", $"T{random.Next(3)}", $"Course {random.Next(3)}", random.Next(2) == 0 ? "SELF_PACED_COURSE" : "ONLINE_WORKSHOP",
                $"C{random.Next(6).ToString(CultureInfo.InvariantCulture)}", $"Org {random.Next(20)}", "NGO", Start);
            var registered = At(random, 0, 60);
            if (random.Next(8) > 0)
            {
                yield return (p, ct) => p.RegisteredAsync(registration with { OccurredAt = registered }, ct);
            }
            if (random.Next(3) == 0)
            {
                var cancelled = At(random, 0, 70);
                yield return (p, ct) => p.CancelledAsync(registration with { OccurredAt = cancelled }, ct);
            }
            if (random.Next(2) == 0)
            {
                var completed = At(random, 0, 70);
                yield return (p, ct) => p.CompletedAsync(registration with { OccurredAt = completed }, ct);
            }
        }
    }

    /// <summary>A time between two days after the start, at any hour (so several facts share a day).</summary>
    private static DateTimeOffset At(Random random, int fromDay, int toDay) =>
        Start.AddDays(random.Next(fromDay, toDay)).AddMinutes(random.Next(24 * 60));

    private static async Task<List<string>> RowsAsync(ReportingHost host, string sql, DateTimeOffset end)
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("end", end);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }
}
