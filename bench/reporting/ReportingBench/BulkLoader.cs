using Npgsql;
using NpgsqlTypes;

namespace ReportingBench;

/// <summary>
/// Fills the read models with the data set's facts by COPY (what the consumers would have written one event at a
/// time): 756 reviews over four phases (groups of 62/63/64 per phase), their stage history, parties, languages,
/// nominations with ends and substitutions, documents, dialogue applications and training registrations.
/// </summary>
public static class BulkLoader
{
    private static readonly DateTimeOffset Start = new(2020, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<int> LoadAsync(string connectionString, Scale scale)
    {
        var random = new Random(20231005);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var facts = 0;
        var reviews = new List<(string Id, string Party, int Group, int Phase, DateTimeOffset Opened)>();
        await using (var copy = await connection.BeginBinaryImportAsync("COPY rm_reviews (id, party_under_review, group_number, phase, cluster, start_date, opened_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var phase = 1; phase <= scale.Phases; phase++)
            {
                for (var p = 0; p < scale.Parties; p++)
                {
                    var group = p < 62 ? 1 : p < 125 ? 2 : 3;
                    var opened = Start.AddYears(2 * (phase - 1) + group - 1);
                    var id = $"CR-{phase}-P{p:000}";
                    reviews.Add((id, $"P{p:000}", group, phase, opened));
                    await copy.StartRowAsync();
                    await copy.WriteAsync(id);
                    await copy.WriteAsync($"P{p:000}");
                    await copy.WriteAsync(group);
                    await copy.WriteAsync(phase);
                    await copy.WriteAsync(new[] { 1, 4, 3, 2 }[phase - 1]);
                    await copy.WriteAsync(DateOnly.FromDateTime(opened.UtcDateTime), NpgsqlDbType.Date);
                    await copy.WriteAsync(opened, NpgsqlDbType.TimestampTz);
                }
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync("COPY rm_review_parties (review_id, changed_at, parties, roles) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in reviews)
            {
                var p = int.Parse(r.Party[1..]);
                await copy.StartRowAsync();
                await copy.WriteAsync(r.Id);
                await copy.WriteAsync(r.Opened, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(new[] { r.Party, $"P{(p + 1) % scale.Parties:000}", $"P{(p + 7) % scale.Parties:000}" });
                await copy.WriteAsync(new[] { "PARTY_UNDER_REVIEW", "SAME_REGION_REVIEWER", "OTHER_REGION_REVIEWER" });
                facts++;
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync("COPY rm_stage_changes (review_id, changed_at, to_stage, from_stage) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in reviews)
            {
                var reached = r.Phase < scale.Phases ? 6 : 1 + random.Next(5);
                for (var stage = 2; stage <= reached; stage++)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(r.Id);
                    await copy.WriteAsync(r.Opened.AddDays(60 * (stage - 1)), NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(stage);
                    await copy.WriteAsync(stage - 1);
                    facts++;
                }
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync("COPY rm_review_languages (review_id, languages, exceptional, agreed_at) FROM STDIN (FORMAT BINARY)"))
        {
            string[][] choices = [["en"], ["fr"], ["es"], ["en", "fr"], ["ar", "en"], ["en", "es"], ["en", "ru"]];
            foreach (var r in reviews)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(r.Id);
                await copy.WriteAsync(choices[random.Next(choices.Length)]);
                await copy.WriteAsync(false);
                await copy.WriteAsync(r.Opened.AddDays(60), NpgsqlDbType.TimestampTz);
                facts++;
            }
            await copy.CompleteAsync();
        }
        facts += await NominationsAsync(connection, scale, random);
        facts += await DocumentsAsync(connection, scale, reviews, random);
        facts += await EngagementAsync(connection, scale, random);
        await using (var analyze = new NpgsqlCommand("ANALYZE", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }
        return facts;
    }

    private static async Task<int> NominationsAsync(NpgsqlConnection connection, Scale scale, Random random)
    {
        var facts = 0;
        string[] genders = ["female", "male", "male", "not_informed"];
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY rm_nominations (nomination_id, known, party, role, scope_kind, scope_review_id, person_id, gender, effective_from, ended_at, end_kind) FROM STDIN (FORMAT BINARY)");
        var n = 0;
        while (facts < scale.NominationEvents)
        {
            var p = n % scale.Parties;
            var role = n % 10 == 0 ? "FOCAL_POINT" : n % 37 == 0 ? "OBSERVER" : "GOVERNMENTAL_EXPERT";
            var from = Start.AddDays(random.Next(2000));
            var ended = random.Next(10) == 0;
            await copy.StartRowAsync();
            await copy.WriteAsync($"N{n}");
            await copy.WriteAsync(true);
            await copy.WriteAsync($"P{p:000}");
            await copy.WriteAsync(role);
            await copy.WriteAsync(1 + (n / scale.Parties) % 2);
            await copy.WriteNullAsync();
            await copy.WriteAsync($"person-{n}");
            await copy.WriteAsync(genders[random.Next(genders.Length)]);
            await copy.WriteAsync(from, NpgsqlDbType.TimestampTz);
            if (ended)
            {
                await copy.WriteAsync(from.AddDays(200), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync("WITHDRAWN");
                facts++;
            }
            else
            {
                await copy.WriteNullAsync();
                await copy.WriteNullAsync();
            }
            facts++;
            n++;
        }
        await copy.CompleteAsync();
        return facts;
    }

    private static async Task<int> DocumentsAsync(NpgsqlConnection connection, Scale scale, List<(string Id, string Party, int Group, int Phase, DateTimeOffset Opened)> reviews, Random random)
    {
        var facts = 0;
        string[] kinds = ["QUESTIONNAIRE", "WRITTEN_FEEDBACK", "LIST_OF_OBSERVATIONS"];
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY rm_document_events (key, kind, review_id, party, occurred_at, language, technical_assistance_needs) FROM STDIN (FORMAT BINARY)");
        for (var d = 0; d < scale.Documents; d++)
        {
            var review = reviews[d % reviews.Count];
            var kind = kinds[d % kinds.Length];
            // Transmitted, then published, then a summary translation: three facts per document.
            foreach (var (fact, offset) in new[] { (kind, 0), ("DOCUMENT_PUBLISHED", 30), ("SUMMARY_PUBLISHED", 60) })
            {
                await copy.StartRowAsync();
                await copy.WriteAsync($"{fact}:D{d}:1");
                await copy.WriteAsync(fact);
                await copy.WriteAsync(review.Id);
                await copy.WriteAsync(review.Party);
                await copy.WriteAsync(review.Opened.AddDays(90 + offset + random.Next(300)), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync("en");
                await copy.WriteAsync(fact == "LIST_OF_OBSERVATIONS" ? random.Next(5) : 0);
                facts++;
            }
        }
        await copy.CompleteAsync();
        return facts;
    }

    /// <summary>
    /// The engagement facts by COPY with the running-totals triggers off (one trigger call a row would recompute a
    /// country's spans once per registration), then the totals computed once from the facts, as a rebuild does.
    /// </summary>
    private static async Task<int> EngagementAsync(NpgsqlConnection connection, Scale scale, Random random)
    {
        await ExecuteAsync(connection, "ALTER TABLE rm_dialogue_applications DISABLE TRIGGER rm_dialogue_totals; ALTER TABLE rm_training_registrations DISABLE TRIGGER rm_training_totals");
        var facts = await EngagementFactsAsync(connection, scale, random);
        await ExecuteAsync(connection, "ALTER TABLE rm_dialogue_applications ENABLE TRIGGER rm_dialogue_totals; ALTER TABLE rm_training_registrations ENABLE TRIGGER rm_training_totals");
        await ExecuteAsync(connection, "SELECT rm_engagement_totals_rebuild()");
        return facts;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<int> EngagementFactsAsync(NpgsqlConnection connection, Scale scale, Random random)
    {
        var facts = 0;
        string[] categories = ["NGO", "NGO", "NGO", "ACADEMIA", "PRIVATE_SECTOR", "STATE_PARTY", "INTERGOVERNMENTAL_ORGANIZATION"];
        string[] topics = ["TRAFFICKING_IN_PERSONS", "SMUGGLING_OF_MIGRANTS", "FIREARMS", "INTERNATIONAL_COOPERATION", "TECHNICAL_ASSISTANCE"];
        // Applications: submitted, decided, attendance (three facts each) for two thirds of the engagement facts.
        var applications = scale.EngagementEvents * 2 / 3 / 3;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY rm_dialogue_applications (application_id, dialogue_id, topic, session, held_on, organization, category, country, submitted_at, outcome, decided_at, withdrawn_at, attendance, attendance_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var a = 0; a < applications; a++)
            {
                var dialogue = a % 40;
                var held = Start.AddDays(90 * dialogue);
                await copy.StartRowAsync();
                await copy.WriteAsync($"A{a}");
                await copy.WriteAsync($"D{dialogue}");
                await copy.WriteAsync(topics[dialogue % topics.Length]);
                await copy.WriteAsync($"Session {dialogue}");
                await copy.WriteAsync(DateOnly.FromDateTime(held.UtcDateTime), NpgsqlDbType.Date);
                await copy.WriteAsync($"Org {a % 5000}");
                await copy.WriteAsync(categories[random.Next(categories.Length)]);
                await copy.WriteAsync($"C{random.Next(150):000}");
                await copy.WriteAsync(held.AddDays(-30), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(random.Next(4) == 0 ? "DECLINED" : "APPROVED_ONLINE");
                await copy.WriteAsync(held.AddDays(-10), NpgsqlDbType.TimestampTz);
                await copy.WriteNullAsync();
                await copy.WriteAsync("ATTENDED_ONLINE");
                await copy.WriteAsync(held, NpgsqlDbType.TimestampTz);
                facts += 3;
            }
            await copy.CompleteAsync();
        }
        var registrations = (scale.EngagementEvents - facts) / 2;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY rm_training_registrations (registration_id, training_id, course, kind, country, organization, category, registered_at, cancelled_at, completed_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var r = 0; r < registrations; r++)
            {
                var registered = Start.AddDays(random.Next(1500));
                await copy.StartRowAsync();
                await copy.WriteAsync($"R{r}");
                await copy.WriteAsync($"T{r % 60}");
                await copy.WriteAsync($"Course {r % 12}");
                await copy.WriteAsync(r % 3 == 0 ? "ONLINE_WORKSHOP" : "SELF_PACED_COURSE");
                await copy.WriteAsync($"C{random.Next(150):000}");
                await copy.WriteAsync($"Org {r % 3000}");
                await copy.WriteAsync(categories[random.Next(categories.Length)]);
                await copy.WriteAsync(registered, NpgsqlDbType.TimestampTz);
                await copy.WriteNullAsync();
                await copy.WriteAsync(registered.AddDays(45), NpgsqlDbType.TimestampTz);
                facts += 2;
            }
            await copy.CompleteAsync();
        }
        return facts;
    }
}
