using Microsoft.Extensions.DependencyInjection;
using Reporting.Api.Application.Records;
using Reporting.Api.Data.Projections;
using Reporting.Tests.Support;
using ReviewMechanism.Reporting.V1;
using ReviewsV1 = ReviewMechanism.Reviews.V1;

namespace Reporting.Tests.ReadModels;

[Collection(ServersCollection.Name)]
public sealed class EngagementFiguresTests(ServersFixture servers)
{
    private static readonly DateTimeOffset Now = new(2023, 6, 20, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Applied = new(2023, 4, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Held = new(2023, 5, 5, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The May 2023 dialogues of the background paper: 98 NGOs, 7 academia, 8 private sector attended (para 44).</summary>
    [Fact]
    public async Task DialogueParticipationIsCountedByCategoryWhateverTheOrderOfTheEvents()
    {
        await using var host = await ReportingHost.StartAsync(servers, Now);
        var categories = Enumerable.Repeat("NGO", 100).Concat(Enumerable.Repeat("ACADEMIA", 7)).Concat(Enumerable.Repeat("PRIVATE_SECTOR", 8)).ToList();
        await host.ApplyAsync(async (sp, ct) =>
        {
            var engagement = sp.GetRequiredService<EngagementProjection>();
            for (var i = 0; i < categories.Count; i++)
            {
                var fact = (DateTimeOffset at) => new ApplicationFact($"A{i}", i % 2 == 0 ? "D-FIR-2023" : "D-TA-2023", i % 2 == 0 ? "FIREARMS" : "TECHNICAL_ASSISTANCE",
                    "2023 session", DateOnly.FromDateTime(Held.UtcDateTime), $"Org {i}", categories[i], "AUT", at);
                // Attendance and decision first, the submission last: the order the broker happened to deliver them in.
                await engagement.AttendanceAsync(fact(Held), i is 0 or 1 ? "ABSENT" : "ATTENDED_ONLINE", ct);
                await engagement.DecidedAsync(fact(Applied.AddDays(10)), "APPROVED_ONLINE", ct);
                await engagement.DecidedAsync(fact(Applied.AddDays(5)), "WAITLISTED", ct);
                await engagement.SubmittedAsync(fact(Applied), ct);
            }
            await engagement.SubmittedAsync(new ApplicationFact("W1", "D-TA-2023", "TECHNICAL_ASSISTANCE", "2023 session", null, "Late org", "NGO", "BRA", Applied), ct);
            await engagement.WithdrawnAsync(new ApplicationFact("W1", "D-TA-2023", "TECHNICAL_ASSISTANCE", "2023 session", null, "Late org", "NGO", "BRA", Applied.AddDays(1)), ct);
        });

        var report = await ProgressReportFiguresTests.ReportAsync(host, new DateOnly(2023, 6, 9), full: false);
        var beforeTheDialogues = await ProgressReportFiguresTests.ReportAsync(host, new DateOnly(2023, 4, 30), full: false);

        Assert.Equal((2, 115, 115, 113), (report.Dialogues.Dialogues, report.Dialogues.Applications, report.Dialogues.Approved, report.Dialogues.Attended));
        Assert.Equal([("ACADEMIA", 7), ("NGO", 98), ("PRIVATE_SECTOR", 8)], report.Dialogues.ByCategory.Select(c => (c.Category, c.Attended)));
        Assert.Equal((115, 115, 0), (beforeTheDialogues.Dialogues.Applications, beforeTheDialogues.Dialogues.Approved, beforeTheDialogues.Dialogues.Attended));
    }

    [Fact]
    public async Task TrainingsBriefingsAndTheSurveyAppearInTheReport()
    {
        await using var host = await ReportingHost.StartAsync(servers, Now);
        await host.ApplyAsync(async (sp, ct) =>
        {
            var engagement = sp.GetRequiredService<EngagementProjection>();
            for (var i = 0; i < 10; i++)
            {
                var fact = new RegistrationFact($"R{i}", "T1", "UNTOC Review Mechanism: what NGOs can do", "SELF_PACED_COURSE", i < 6 ? "KEN" : "MEX", $"Org {i % 4}", "NGO", Applied.AddDays(i));
                await engagement.RegisteredAsync(fact, ct);
                if (i < 7)
                {
                    await engagement.CompletedAsync(fact with { OccurredAt = Applied.AddDays(40) }, ct);
                }
            }
            await engagement.CancelledAsync(new RegistrationFact("R9", "T1", "", "SELF_PACED_COURSE", "MEX", "Org 1", "", Applied.AddDays(20)), ct);
        });
        await host.InScopeAsync(async sp =>
        {
            var records = sp.GetRequiredService<SecretariatRecords>();
            await records.RecordBriefingAsync(Briefing(new ReviewsV1.Date { Year = 2023, Month = 3, Day = 1 }, 120, ["en", "pt"], ["BRA", "AGO", "MOZ"]), "secretariat-1", CancellationToken.None);
            await records.RecordBriefingAsync(Briefing(new ReviewsV1.Date { Year = 2023, Month = 5, Day = 2 }, 40, ["fr"], ["SEN", "AGO"]), "secretariat-1", CancellationToken.None);
            await records.RecordSurveyResponseAsync(Survey("KEN", "Training needs", "Legislative framework support"), "secretariat-1", CancellationToken.None);
            await records.RecordSurveyResponseAsync(Survey("PER", "Training needs"), "secretariat-1", CancellationToken.None);
        });

        var report = await ProgressReportFiguresTests.ReportAsync(host, new DateOnly(2023, 6, 19), full: false);

        Assert.Equal((9, 7, 2, 4), (report.Trainings.Registrations, report.Trainings.Completions, report.Trainings.Countries, report.Trainings.Organizations));
        Assert.Equal((2, 160, 4), (report.Briefings.Briefings, report.Briefings.Officials, report.Briefings.Countries));
        Assert.Equal(2, report.TechnicalAssistance.SurveyResponses);
        Assert.Equal([("Training needs", 2), ("Legislative framework support", 1)], report.TechnicalAssistance.SurveyNeeds.Select(n => (n.Need, n.Parties)));
    }

    [Fact]
    public async Task ABriefingInTheFutureOrWithBadCodesIsRefused()
    {
        await using var host = await ReportingHost.StartAsync(servers, Now);

        var error = await Assert.ThrowsAsync<ReviewMechanism.ServiceDefaults.Errors.DomainException>(() => host.InScopeAsync(sp =>
            sp.GetRequiredService<SecretariatRecords>().RecordBriefingAsync(Briefing(new ReviewsV1.Date { Year = 2024, Month = 1, Day = 1 }, 5, ["english"], ["BR"]), "s", CancellationToken.None)));

        Assert.Equal(["held_on", "languages", "countries"], error.Violations.Select(v => v.Field));
    }

    private static RecordBriefingRequest Briefing(ReviewsV1.Date heldOn, int officials, string[] languages, string[] countries)
    {
        var request = new RecordBriefingRequest { HeldOn = heldOn, Title = "Briefing on the review process", Officials = officials };
        request.Languages.AddRange(languages);
        request.Countries.AddRange(countries);
        return request;
    }

    private static RecordTechnicalAssistanceSurveyResponseRequest Survey(string party, params string[] needs)
    {
        var request = new RecordTechnicalAssistanceSurveyResponseRequest { Party = party, ReceivedOn = new ReviewsV1.Date { Year = 2023, Month = 2, Day = 1 } };
        request.Needs.AddRange(needs);
        return request;
    }
}
