using Engagement.Api.Domain.Applications;
using Engagement.Api.Domain.Common;
using Engagement.Api.Domain.Dialogues;
using Engagement.Tests.Support;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Engagement.Tests.Application;

[Collection(PostgresCollection.Name)]
public sealed class SeatTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2027-01-10T09:00:00Z");
    private static readonly DateOnly LastDay = new(2027, 1, 15);

    [Fact]
    public async Task AutomaticApprovalSeatsApplicationsInArrivalOrderAndWaitlistsTheRest()
    {
        await using var engagement = await EngagementHost.StartAsync(postgres, Now);
        var dialogue = await engagement.Dialogues(d => d.ScheduleAsync(Samples.Dialogue(LastDay, inPerson: 3, automatic: true), null));

        var results = new List<DialogueApplication>();
        for (var i = 1; i <= 5; i++)
        {
            results.Add(await engagement.Applications(a => a.SubmitAsync(Samples.Verified(dialogue.Id, i), Samples.Partner)));
        }

        Assert.Equal(
            [ApplicationStatus.ApprovedInPerson, ApplicationStatus.ApprovedInPerson, ApplicationStatus.ApprovedInPerson, ApplicationStatus.Waitlisted, ApplicationStatus.Waitlisted],
            results.Select(r => r.Status));
        Assert.Equal(0, await engagement.Queries(q => q.WaitlistPositionAsync(results[3])));
        Assert.Equal(1, await engagement.Queries(q => q.WaitlistPositionAsync(results[4])));
        Assert.Equal(3, (await engagement.Dialogues(d => d.GetAsync(dialogue.Id))).ApprovedInPerson);
    }

    [Fact]
    public async Task AWithdrawalGivesTheSeatToTheFirstOnTheWaitlist()
    {
        await using var engagement = await EngagementHost.StartAsync(postgres, Now);
        var dialogue = await engagement.Dialogues(d => d.ScheduleAsync(Samples.Dialogue(LastDay, inPerson: 1, automatic: true), null));
        var seated = await engagement.Applications(a => a.SubmitAsync(Samples.Verified(dialogue.Id, 1), Samples.Partner));
        var first = await engagement.Applications(a => a.SubmitAsync(Samples.Verified(dialogue.Id, 2), Samples.Partner));
        var second = await engagement.Applications(a => a.SubmitAsync(Samples.Verified(dialogue.Id, 3), Samples.Partner));

        await engagement.Applications(a => a.WithdrawAsync(seated.Id, Samples.Partner));

        Assert.Equal(ApplicationStatus.ApprovedInPerson, (await engagement.Queries(q => q.GetAsync(first.Id))).Status);
        Assert.Equal(ApplicationStatus.Waitlisted, (await engagement.Queries(q => q.GetAsync(second.Id))).Status);
        Assert.Equal(1, (await engagement.Dialogues(d => d.GetAsync(dialogue.Id))).ApprovedInPerson);
        var mails = await engagement.DbAsync(db => db.MailQueue.Where(m => m.To == "contact2@example.org").OrderBy(m => m.Id).Select(m => m.TextBody).ToListAsync());
        Assert.Contains("is approved", mails.Last());
    }

    [Fact]
    public async Task TheSecretariatCannotApproveBeyondCapacityAndADeclineFreesTheSeatForTheWaitlist()
    {
        await using var engagement = await EngagementHost.StartAsync(postgres, Now);
        var dialogue = await engagement.Dialogues(d => d.ScheduleAsync(Samples.Dialogue(LastDay, inPerson: 1), null));
        var a1 = await engagement.Applications(a => a.SubmitAsync(Samples.Verified(dialogue.Id, 1), Samples.Partner));
        var a2 = await engagement.Applications(a => a.SubmitAsync(Samples.Verified(dialogue.Id, 2), Samples.Partner));
        await engagement.Decisions(d => d.DecideAsync(a1.Id, Decision.ApproveInPerson, null, Samples.Secretariat));

        var full = await Assert.ThrowsAsync<DomainException>(() => engagement.Decisions(d => d.DecideAsync(a2.Id, Decision.ApproveInPerson, null, Samples.Secretariat)));
        var waitlisted = await engagement.Decisions(d => d.DecideAsync(a2.Id, Decision.Waitlist, null, Samples.Secretariat));
        await engagement.Decisions(d => d.DecideAsync(a1.Id, Decision.Decline, null, Samples.Secretariat));

        Assert.Equal("CAPACITY_FULL", full.Code);
        Assert.Equal(ApplicationStatus.Waitlisted, waitlisted.Status);
        Assert.Equal("secretariat-1", waitlisted.DecidedBy);
        Assert.Equal(ApplicationStatus.ApprovedInPerson, (await engagement.Queries(q => q.GetAsync(a2.Id))).Status);
        Assert.Equal(ApplicationStatus.Declined, (await engagement.Queries(q => q.GetAsync(a1.Id))).Status);
        Assert.Equal(1, (await engagement.Dialogues(d => d.GetAsync(dialogue.Id))).ApprovedInPerson);
    }

    [Fact]
    public async Task ProvenExpertiseComesFirstInTheSecretariatsList()
    {
        await using var engagement = await EngagementHost.StartAsync(postgres, Now);
        var dialogue = await engagement.Dialogues(d => d.ScheduleAsync(Samples.Dialogue(LastDay), null));
        var a1 = await engagement.Applications(a => a.SubmitAsync(Samples.Verified(dialogue.Id, 1), Samples.Partner));
        var a2 = await engagement.Applications(a => a.SubmitAsync(Samples.Verified(dialogue.Id, 2), Samples.Partner));
        var a3 = await engagement.Applications(a => a.SubmitAsync(Samples.Verified(dialogue.Id, 3), Samples.Partner));
        await engagement.Decisions(d => d.AssessExpertiseAsync(a3.Id, ExpertiseAssessment.Proven));

        var page = await engagement.Queries(q => q.ListAsync(dialogue.Id, [], 10, 0));

        Assert.Equal([a3.Id, a1.Id, a2.Id], page.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task ARaisedCapacityGoesToTheWaitlistInOrderAndCannotGoBelowTheApprovedSeats()
    {
        await using var engagement = await EngagementHost.StartAsync(postgres, Now);
        var dialogue = await engagement.Dialogues(d => d.ScheduleAsync(Samples.Dialogue(LastDay, inPerson: 1, automatic: true), null));
        for (var i = 1; i <= 4; i++)
        {
            await engagement.Applications(a => a.SubmitAsync(Samples.Verified(dialogue.Id, i), Samples.Partner));
        }

        var raised = await engagement.Dialogues(d => d.ChangeAsync(dialogue.Id, null, Venue.Vienna, 3, 0, LastDay, true));
        var lowered = await Assert.ThrowsAsync<DomainException>(() => engagement.Dialogues(d => d.ChangeAsync(dialogue.Id, null, Venue.Vienna, 2, 0, LastDay, true)));

        Assert.Equal(3, raised.ApprovedInPerson);
        Assert.Equal("CAPACITY_BELOW_APPROVED", lowered.Code);
        var statuses = await engagement.DbAsync(db => db.Applications.OrderBy(a => a.ArrivalNumber).Select(a => a.Status).ToListAsync());
        Assert.Equal([ApplicationStatus.ApprovedInPerson, ApplicationStatus.ApprovedInPerson, ApplicationStatus.ApprovedInPerson, ApplicationStatus.Waitlisted], statuses);
    }

    [Fact]
    public async Task ChangingToAModeWithoutFreeSeatsPutsTheApplicationOnThatWaitlist()
    {
        await using var engagement = await EngagementHost.StartAsync(postgres, Now);
        var dialogue = await engagement.Dialogues(d => d.ScheduleAsync(Samples.Dialogue(LastDay, inPerson: 1, online: 1, automatic: true, venue: Venue.Hybrid), null));
        var inPerson = await engagement.Applications(a => a.SubmitAsync(Samples.Verified(dialogue.Id, 1), Samples.Partner));
        var online = await engagement.Applications(a => a.SubmitAsync(Samples.Verified(dialogue.Id, 2, ParticipationMode.Online), Samples.Partner));

        var moved = await engagement.Applications(a => a.ChangeAsync(online.Id, Samples.Details("Organization 2", ParticipationMode.InPerson), Samples.Partner));

        Assert.Equal(ApplicationStatus.ApprovedInPerson, (await engagement.Queries(q => q.GetAsync(inPerson.Id))).Status);
        Assert.Equal(ApplicationStatus.Waitlisted, moved.Status);
        var after = await engagement.Dialogues(d => d.GetAsync(dialogue.Id));
        Assert.Equal((1, 0), (after.ApprovedInPerson, after.ApprovedOnline));
    }
}
