using Engagement.Api.Application;
using Engagement.Api.Data;
using Engagement.Api.Domain.Applications;
using Engagement.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReviewMechanism.Events.V1;
using ReviewMechanism.Messaging.Outbox;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Engagement.Tests.Application;

/// <summary>
/// Arrivals applied together in one transaction (the group commit behind SubmitApplication) store what one arrival
/// alone stores, and a refusal in a batch concerns only the arrival it refuses.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ArrivalBatchTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2027-01-10T09:00:00Z");
    private static readonly DateOnly LastDay = new(2027, 1, 15);

    [Fact]
    public async Task ABatchStoresTheSameRowsEventsAndMailsAsArrivalsStoredOneByOne()
    {
        await using var batched = await EngagementHost.StartAsync(postgres, Now);
        await using var alone = await EngagementHost.StartAsync(postgres, Now);
        var dialogueInBatch = await batched.Dialogues(d => d.ScheduleAsync(Samples.Dialogue(LastDay, inPerson: 2, automatic: true), null));
        var dialogueAlone = await alone.Dialogues(d => d.ScheduleAsync(Samples.Dialogue(LastDay, inPerson: 2, automatic: true), null));

        var results = await ApplyAsync(batched, Enumerable.Range(1, 4).Select(i => Samples.Verified(dialogueInBatch.Id, i)).ToArray());
        for (var i = 1; i <= 4; i++)
        {
            await alone.Applications(a => a.SubmitAloneAsync(Samples.Verified(dialogueAlone.Id, i), Samples.Partner));
        }

        Assert.All(results, r => Assert.NotNull(r.Application));
        var stored = await RowsAsync(batched);
        Assert.Equal(await RowsAsync(alone), stored);
        Assert.Equal(await EventsAsync(alone), await EventsAsync(batched));
        Assert.Equal(await MailsAsync(alone), await MailsAsync(batched));
        // The version each caller receives is the row's.
        var versions = await batched.DbAsync(db => db.Applications.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Version));
        Assert.All(results, r => Assert.Equal(versions[r.Application!.Id], r.Application.Version));
        Assert.Equal(2, (await batched.Dialogues(d => d.GetAsync(dialogueInBatch.Id))).ApprovedInPerson);
    }

    [Fact]
    public async Task TheOutboxRelayIsWokenWhenABatchCommitsAlthoughItsEventsAreWrittenByCopy()
    {
        await using var engagement = await EngagementHost.StartAsync(postgres, Now);
        var dialogue = await engagement.Dialogues(d => d.ScheduleAsync(Samples.Dialogue(LastDay, inPerson: 2, automatic: true), null));
        var relay = engagement.Services.GetRequiredService<OutboxSignal<EngagementDbContext>>();
        while (await relay.WaitAsync(TimeSpan.Zero, CancellationToken.None))
        {
            // The scheduling's own wake, taken.
        }

        await ApplyAsync(engagement, Samples.Verified(dialogue.Id, 1), Samples.Verified(dialogue.Id, 2));

        Assert.True(await relay.WaitAsync(TimeSpan.Zero, CancellationToken.None), "the batch committed its events without waking the relay");
        Assert.Equal(2, await engagement.DbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.MessageType.EndsWith(nameof(DialogueApplicationSubmitted)))));
    }

    [Fact]
    public async Task ARefusalInABatchConcernsOnlyTheArrivalItRefuses()
    {
        await using var engagement = await EngagementHost.StartAsync(postgres, Now);
        var dialogue = await engagement.Dialogues(d => d.ScheduleAsync(Samples.Dialogue(LastDay, inPerson: 5, automatic: true), null));
        var first = Samples.Verified(dialogue.Id, 1);

        var results = await ApplyAsync(engagement,
            first,
            first,                                                                     // the same call again: the same application
            first with { Details = Samples.Details("Organization 9") },                // the key again, other content: refused
            Samples.Verified(dialogue.Id, 2) with { Details = Samples.Details("Organization 1") }, // the same organization: refused
            Samples.Verified(dialogue.Id, 3) with { DialogueId = Guid.NewGuid() },     // no such dialogue: refused
            Samples.Verified(dialogue.Id, 4));

        Assert.Equal(results[0].Application!.Id, results[1].Application!.Id);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", Assert.IsType<DomainException>(results[2].Refusal).Code);
        Assert.Equal("DUPLICATE_APPLICATION", Assert.IsType<DomainException>(results[3].Refusal).Code);
        Assert.Equal("DIALOGUE_NOT_FOUND", Assert.IsType<DomainException>(results[4].Refusal).Code);
        Assert.Equal(ApplicationStatus.ApprovedInPerson, results[5].Application!.Status);
        var stored = await engagement.DbAsync(db => db.Applications.AsNoTracking().OrderBy(a => a.ArrivalNumber).Select(a => a.OrganizationKey).ToListAsync());
        Assert.Equal(["ORGANIZATION1", "ORGANIZATION4"], stored);
        // Sent again later, the first arrival's key still answers with its application.
        var again = await engagement.Applications(a => a.SubmitAsync(first, Samples.Partner));
        Assert.Equal(results[0].Application!.Id, again.Id);
    }

    private sealed record Outcome(DialogueApplication? Application, Exception? Refusal);

    /// <summary>Applies the arrivals as one batch, in this order, as the queue's worker does.</summary>
    private static async Task<Outcome[]> ApplyAsync(EngagementHost engagement, params SubmitApplication[] commands)
    {
        var arrivals = commands.Select(c => ApplicationUseCases.VerifiedArrival(c, Samples.Partner)!).ToList();
        await engagement.RunAsync<int, ArrivalBatch>(async batch =>
        {
            await batch.ApplyAsync(arrivals, CancellationToken.None);
            return 0;
        });
        var outcomes = new List<Outcome>();
        foreach (var arrival in arrivals)
        {
            arrival.Answer();
            try
            {
                outcomes.Add(new(await arrival.Completion.Task, null));
            }
            catch (DomainException refused)
            {
                outcomes.Add(new(null, refused));
            }
        }
        return [.. outcomes];
    }

    private static Task<List<string>> RowsAsync(EngagementHost engagement) =>
        engagement.DbAsync(async db => (await db.Applications.AsNoTracking().OrderBy(a => a.ArrivalNumber).ToListAsync())
            .Select(a => string.Join('|', a.OrganizationKey, a.Organization, a.ContactEmail, a.ContactEmailKey, a.ContactName, a.Expertise,
                a.RequestedMode, a.Status, a.WaitlistNumber is not null, a.DecidedBy, a.VerifiedAt, a.DecidedAt, a.SubmittedAt, a.SubmittedBy,
                a.IdempotencyKey, a.RequestFingerprint.Length, a.Language, a.ExpertiseAssessment, a.Attendance, a.TravelSupportRequested,
                a.VerificationTokenHash, a.VerificationExpiresAt))
            .ToList());

    private static Task<List<string>> EventsAsync(EngagementHost engagement) =>
        engagement.DbAsync(async db => (await db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Sequence).ToListAsync())
            .Select(m => m.MessageType + "|" + m.ClrType + "|" + Describe(m)).ToList());

    private static string Describe(OutboxMessage message) => message.MessageType switch
    {
        "reviewmechanism.events.v1.DialogueApplicationSubmitted" => Organization(DialogueApplicationSubmitted.Parser.ParseFrom(message.Payload).Organization),
        "reviewmechanism.events.v1.DialogueApplicationDecided" => DialogueApplicationDecided.Parser.ParseFrom(message.Payload) is var d
            ? $"{Organization(d.Organization)}|{d.Outcome}|{d.PreviousOutcome}|{d.Automatic}"
            : "",
        _ => message.MessageType,
    };

    private static string Organization(ApplicantOrganization organization) => $"{organization.Name}|{organization.Category}|{organization.Country}";

    private static Task<List<string>> MailsAsync(EngagementHost engagement) =>
        engagement.DbAsync(db => db.MailQueue.AsNoTracking().OrderBy(m => m.Id)
            .Select(m => m.To + "|" + m.ToName + "|" + m.Subject.Substring(0, 17) + "|" + m.Attempts + "|" + (m.SentAt == null)).ToListAsync());
}
