using StakeholderCategory = Engagement.Api.Domain.Common.StakeholderCategory;
using TrainingKind = Engagement.Api.Domain.Trainings.TrainingKind;
using Engagement.Tests.Support;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Events.V1;
using ReviewMechanism.Messaging.Outbox;

namespace Engagement.Tests.Application;

/// <summary>The facts Reporting counts are stored in the outbox with the change (and only with it).</summary>
[Collection(PostgresCollection.Name)]
public sealed class IntegrationEventTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2027-01-10T09:00:00Z");

    [Fact]
    public async Task AnAutomaticallyApprovedApplicationThenWithdrawnLeavesItsFactsInTheOutbox()
    {
        await using var engagement = await EngagementHost.StartAsync(postgres, Now);
        var dialogue = await engagement.Dialogues(d => d.ScheduleAsync(Samples.Dialogue(new DateOnly(2027, 1, 15), inPerson: 1, automatic: true), null));
        var seated = await engagement.Applications(a => a.SubmitAsync(Samples.Verified(dialogue.Id, 1), Samples.Partner));
        var waiting = await engagement.Applications(a => a.SubmitAsync(Samples.Verified(dialogue.Id, 2), Samples.Partner));
        await engagement.Applications(a => a.WithdrawAsync(seated.Id, Samples.Partner));

        var events = await OutboxAsync(engagement);

        Assert.Equal(
            ["DialogueApplicationSubmitted", "DialogueApplicationDecided", "DialogueApplicationSubmitted", "DialogueApplicationDecided", "DialogueApplicationDecided", "DialogueApplicationWithdrawn"],
            events.Select(e => e.Descriptor.Name));
        var submitted = (DialogueApplicationSubmitted)events[0];
        Assert.Equal((dialogue.Id.ToString(), ReviewMechanism.Events.V1.DialogueTopic.Firearms, ReviewMechanism.Events.V1.StakeholderCategory.Ngo, "CHE"),
            (submitted.Dialogue.DialogueId, submitted.Dialogue.Topic, submitted.Organization.Category, submitted.Organization.Country));
        var promoted = (DialogueApplicationDecided)events[4];
        Assert.Equal((waiting.Id.ToString(), ApplicationOutcome.ApprovedInPerson, ApplicationOutcome.Waitlisted, true),
            (promoted.ApplicationId, promoted.Outcome, promoted.PreviousOutcome, promoted.Automatic));
        Assert.Equal(ApplicationOutcome.ApprovedInPerson, ((DialogueApplicationWithdrawn)events[5]).OutcomeBefore);
    }

    [Fact]
    public async Task AnUnverifiedApplicationAndARefusedOnePublishNothing()
    {
        await using var engagement = await EngagementHost.StartAsync(postgres, Now);
        var dialogue = await engagement.Dialogues(d => d.ScheduleAsync(Samples.Dialogue(new DateOnly(2027, 1, 15)), null));
        await engagement.Applications(a => a.SubmitAsync(Samples.FromWeb(dialogue.Id, "form-1"), Api.Application.Actor.Applicant));
        await Assert.ThrowsAsync<ReviewMechanism.ServiceDefaults.Errors.DomainException>(() =>
            engagement.Applications(a => a.SubmitAsync(Samples.Verified(dialogue.Id, 2) with { ContactEmail = "x" }, Samples.Partner)));

        Assert.Empty(await OutboxAsync(engagement));
    }

    [Fact]
    public async Task TrainingRegistrationsAndCompletionsAreCountedByCountryAndOrganization()
    {
        await using var engagement = await EngagementHost.StartAsync(postgres, Now);
        var training = await engagement.Trainings(t => t.ScheduleAsync(TrainingKind.SelfPacedCourse, "SE4U self-paced course", "", ["fr", "es"],
            new DateOnly(2027, 3, 15), new DateOnly(2027, 4, 30), 18, new DateOnly(2027, 3, 6), null, "course-1"));
        var nominated = await engagement.Trainings(t => t.RegisterAsync(training.Id, "Awa Diallo", "awa@example.org", "Réseau Ouest", StakeholderCategory.Ngo,
            "SEN", "fr", "Réseau Ouest", "r-1", Samples.Partner));
        await engagement.Trainings(t => t.CompleteAsync(nominated.Id, Samples.Secretariat));
        var wrongLanguage = await Assert.ThrowsAsync<ReviewMechanism.ServiceDefaults.Errors.DomainException>(() => engagement.Trainings(t =>
            t.RegisterAsync(training.Id, "B", "b@example.org", "Org", StakeholderCategory.Ngo, "SEN", "en", null, "r-2", Samples.Partner)));
        engagement.Clock.SetUtcNow(DateTimeOffset.Parse("2027-03-06T23:00:00Z"));
        var late = await Assert.ThrowsAsync<ReviewMechanism.ServiceDefaults.Errors.DomainException>(() => engagement.Trainings(t =>
            t.RegisterAsync(training.Id, "C", "c@example.org", "Org", StakeholderCategory.Ngo, "SEN", "fr", null, "r-3", Samples.Partner)));

        var events = await OutboxAsync(engagement);

        Assert.Equal("language", wrongLanguage.Violations.Single().Field);
        Assert.Equal("REGISTRATION_CLOSED", late.Code);
        var registered = Assert.IsType<TrainingRegistrationRecorded>(events[0]);
        Assert.Equal(("SEN", "Réseau Ouest", true, "fr"), (registered.Country, registered.Organization, registered.Nominated, registered.Language));
        Assert.Equal(18, Assert.IsType<TrainingCompleted>(events[1]).WorkloadHours);
        Assert.Equal(2, events.Count);
    }

    private static Task<List<Google.Protobuf.IMessage>> OutboxAsync(EngagementHost engagement) =>
        engagement.DbAsync(async db => (await db.Set<OutboxMessage>().OrderBy(m => m.Sequence).ToListAsync())
            .Select(m => (Google.Protobuf.IMessage)(m.MessageType switch
            {
                "reviewmechanism.events.v1.DialogueApplicationSubmitted" => DialogueApplicationSubmitted.Parser.ParseFrom(m.Payload),
                "reviewmechanism.events.v1.DialogueApplicationDecided" => DialogueApplicationDecided.Parser.ParseFrom(m.Payload),
                "reviewmechanism.events.v1.DialogueApplicationWithdrawn" => DialogueApplicationWithdrawn.Parser.ParseFrom(m.Payload),
                "reviewmechanism.events.v1.TrainingRegistrationRecorded" => TrainingRegistrationRecorded.Parser.ParseFrom(m.Payload),
                "reviewmechanism.events.v1.TrainingCompleted" => TrainingCompleted.Parser.ParseFrom(m.Payload),
                var other => throw new InvalidOperationException($"Unexpected event {other}"),
            }))
            .ToList());
}
