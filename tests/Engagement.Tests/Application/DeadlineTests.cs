using Engagement.Api.Domain.Applications;
using Engagement.Tests.Support;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Engagement.Tests.Application;

/// <summary>"Until midnight Vienna time", through the use case, with the clock moved by the test (FakeTimeProvider).</summary>
[Collection(PostgresCollection.Name)]
public sealed class DeadlineTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData("2027-01-15", "2027-01-15T22:59:59Z")] // winter: 23:59:59 CET
    [InlineData("2027-07-15", "2027-07-15T21:59:59Z")] // summer: 23:59:59 CEST
    public async Task AnApplicationAt235959ViennaTimeIsAccepted(string lastDay, string instant)
    {
        await using var engagement = await EngagementHost.StartAsync(postgres, DateTimeOffset.Parse("2026-12-01T09:00:00Z"));
        var dialogue = await engagement.Dialogues(d => d.ScheduleAsync(Samples.Dialogue(DateOnly.Parse(lastDay)), null));
        engagement.Clock.SetUtcNow(DateTimeOffset.Parse(instant));

        var application = await engagement.Applications(a => a.SubmitAsync(Samples.Verified(dialogue.Id, 1), Samples.Partner));

        Assert.Equal(ApplicationStatus.Submitted, application.Status);
    }

    [Theory]
    [InlineData("2027-01-15", "2027-01-15T23:00:00Z")] // winter: 00:00:00 CET on the 16th
    [InlineData("2027-07-15", "2027-07-15T22:00:00Z")] // summer: 00:00:00 CEST on the 16th
    public async Task AnApplicationAtMidnightViennaTimeIsRefused(string lastDay, string instant)
    {
        await using var engagement = await EngagementHost.StartAsync(postgres, DateTimeOffset.Parse("2026-12-01T09:00:00Z"));
        var dialogue = await engagement.Dialogues(d => d.ScheduleAsync(Samples.Dialogue(DateOnly.Parse(lastDay)), null));
        engagement.Clock.SetUtcNow(DateTimeOffset.Parse(instant));

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            engagement.Applications(a => a.SubmitAsync(Samples.Verified(dialogue.Id, 1), Samples.Partner)));

        Assert.Equal("APPLICATIONS_CLOSED", refused.Code);
        Assert.Equal(0, await engagement.DbAsync(db => Task.FromResult(db.Applications.Count())));
    }

    [Fact]
    public async Task AnApplicantCannotWithdrawAfterTheDeadlineButTheSecretariatCan()
    {
        await using var engagement = await EngagementHost.StartAsync(postgres, DateTimeOffset.Parse("2027-01-10T09:00:00Z"));
        var dialogue = await engagement.Dialogues(d => d.ScheduleAsync(Samples.Dialogue(new DateOnly(2027, 1, 15)), null));
        var application = await engagement.Applications(a => a.SubmitAsync(Samples.Verified(dialogue.Id, 1), Samples.Partner));
        engagement.Clock.SetUtcNow(DateTimeOffset.Parse("2027-01-15T23:00:00Z"));

        var refused = await Assert.ThrowsAsync<DomainException>(() => engagement.Applications(a => a.WithdrawAsync(application.Id, Samples.Partner)));
        var withdrawn = await engagement.Applications(a => a.WithdrawAsync(application.Id, Samples.Secretariat));

        Assert.Equal("APPLICATIONS_CLOSED", refused.Code);
        Assert.Equal(ApplicationStatus.Withdrawn, withdrawn.Status);
    }
}
