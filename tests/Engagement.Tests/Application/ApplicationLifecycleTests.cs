using System.Text.RegularExpressions;
using Engagement.Api.Domain.Applications;
using Engagement.Tests.Support;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Engagement.Tests.Application;

[Collection(PostgresCollection.Name)]
public sealed partial class ApplicationLifecycleTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2027-01-10T09:00:00Z");
    private static readonly DateOnly LastDay = new(2027, 1, 15);

    [Fact]
    public async Task AWebApplicationCountsOnlyOnceTheLinkFromTheMailIsFollowed()
    {
        await using var engagement = await EngagementHost.StartAsync(postgres, Now);
        var dialogue = await engagement.Dialogues(d => d.ScheduleAsync(Samples.Dialogue(LastDay, automatic: true), null));

        var pending = await engagement.Applications(a => a.SubmitAsync(Samples.FromWeb(dialogue.Id, "form-1"), Api.Application.Actor.Applicant));
        var token = await TokenFromMailAsync(engagement, "ana@example.org");
        var listedBefore = await engagement.Queries(q => q.ListAsync(dialogue.Id, [], 10, 0));
        var verified = await engagement.Applications(a => a.VerifyAsync(token));
        var again = await Assert.ThrowsAsync<DomainException>(() => engagement.Applications(a => a.VerifyAsync(token)));

        Assert.Equal(ApplicationStatus.PendingVerification, pending.Status);
        Assert.Empty(listedBefore.Items);
        Assert.Equal(ApplicationStatus.ApprovedInPerson, verified.Status);
        Assert.NotNull(verified.ArrivalNumber);
        Assert.Equal("LINK_NOT_FOUND", again.Code);
    }

    [Fact]
    public async Task AnExpiredLinkDoesNotCount()
    {
        await using var engagement = await EngagementHost.StartAsync(postgres, Now);
        var dialogue = await engagement.Dialogues(d => d.ScheduleAsync(Samples.Dialogue(LastDay), null));
        await engagement.Applications(a => a.SubmitAsync(Samples.FromWeb(dialogue.Id, "form-1"), Api.Application.Actor.Applicant));
        var token = await TokenFromMailAsync(engagement, "ana@example.org");
        engagement.Clock.Advance(TimeSpan.FromHours(49));

        var expired = await Assert.ThrowsAsync<DomainException>(() => engagement.Applications(a => a.VerifyAsync(token)));

        Assert.Equal("LINK_EXPIRED", expired.Code);
    }

    [Fact]
    public async Task TheSameOrganizationOrAddressCannotApplyTwiceToOneDialogueButMayApplyToAnother()
    {
        await using var engagement = await EngagementHost.StartAsync(postgres, Now);
        var dialogue = await engagement.Dialogues(d => d.ScheduleAsync(Samples.Dialogue(LastDay), null));
        var other = await engagement.Dialogues(d => d.ScheduleAsync(Samples.Dialogue(LastDay.AddDays(1)), null));
        var first = Samples.Verified(dialogue.Id, 1);
        await engagement.Applications(a => a.SubmitAsync(first, Samples.Partner));

        var sameOrganization = await Assert.ThrowsAsync<DomainException>(() => engagement.Applications(a => a.SubmitAsync(
            first with { IdempotencyKey = "k2", ContactEmail = "other@example.org", Details = first.Details with { Organization = first.Details.Organization with { Name = "ORGANIZATION-1" } } },
            Samples.Partner)));
        var sameAddress = await Assert.ThrowsAsync<DomainException>(() => engagement.Applications(a => a.SubmitAsync(
            Samples.Verified(dialogue.Id, 2) with { ContactEmail = "Contact1@Example.org" }, Samples.Partner)));
        var webDuplicate = await Assert.ThrowsAsync<DomainException>(() => engagement.Applications(a => a.SubmitAsync(
            Samples.FromWeb(dialogue.Id, "form-9", "Organization 1", "someone@example.org"), Api.Application.Actor.Applicant)));
        var elsewhere = await engagement.Applications(a => a.SubmitAsync(first with { IdempotencyKey = "k3", DialogueId = other.Id }, Samples.Partner));

        Assert.Equal(("DUPLICATE_APPLICATION", "organization.name"), (sameOrganization.Code, sameOrganization.Subject));
        Assert.Equal(("DUPLICATE_APPLICATION", "contact.email"), (sameAddress.Code, sameAddress.Subject));
        Assert.Equal("DUPLICATE_APPLICATION", webDuplicate.Code);
        Assert.Equal(ApplicationStatus.Submitted, elsewhere.Status);
    }

    [Fact]
    public async Task ARetryWithTheSameKeyReturnsTheFirstApplicationAndAReusedKeyIsRefused()
    {
        await using var engagement = await EngagementHost.StartAsync(postgres, Now);
        var dialogue = await engagement.Dialogues(d => d.ScheduleAsync(Samples.Dialogue(LastDay, automatic: true), null));
        var request = Samples.Verified(dialogue.Id, 1);

        var first = await engagement.Applications(a => a.SubmitAsync(request, Samples.Partner));
        var retry = await engagement.Applications(a => a.SubmitAsync(request, Samples.Partner));
        var reused = await Assert.ThrowsAsync<DomainException>(() => engagement.Applications(a => a.SubmitAsync(Samples.Verified(dialogue.Id, 2) with { IdempotencyKey = request.IdempotencyKey }, Samples.Partner)));

        Assert.Equal(first.Id, retry.Id);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", reused.Code);
        Assert.Equal(1, await engagement.DbAsync(db => db.Applications.CountAsync()));
        Assert.Equal(1, (await engagement.Dialogues(d => d.GetAsync(dialogue.Id))).ApprovedInPerson);
    }

    [Fact]
    public async Task ARefusedInputStoresNothing()
    {
        await using var engagement = await EngagementHost.StartAsync(postgres, Now);
        var dialogue = await engagement.Dialogues(d => d.ScheduleAsync(Samples.Dialogue(LastDay, automatic: true), null));
        var bad = Samples.Verified(dialogue.Id, 1) with { ContactEmail = "not an address", Details = Samples.Details(new string('x', 5000)) };

        var refused = await Assert.ThrowsAsync<DomainException>(() => engagement.Applications(a => a.SubmitAsync(bad, Samples.Partner)));

        Assert.Equal(DomainErrorKind.InvalidArgument, refused.Kind);
        Assert.Equal(["organization.name", "contact.email"], refused.Violations.Select(v => v.Field));
        Assert.Equal(0, await engagement.DbAsync(db => db.Applications.CountAsync()));
        Assert.Equal(0, await engagement.DbAsync(db => db.MailQueue.CountAsync()));
        Assert.Equal(0, (await engagement.Dialogues(d => d.GetAsync(dialogue.Id))).ApprovedInPerson);
    }

    [Fact]
    public async Task TheApplicantFindsTheApplicationOnlyWithTheReferenceAndTheVerifiedAddress()
    {
        await using var engagement = await EngagementHost.StartAsync(postgres, Now);
        var dialogue = await engagement.Dialogues(d => d.ScheduleAsync(Samples.Dialogue(LastDay), null));
        var application = await engagement.Applications(a => a.SubmitAsync(Samples.Verified(dialogue.Id, 1), Samples.Partner));

        var found = await engagement.Applications(a => a.FindForApplicantAsync(application.Reference.ToLowerInvariant(), " Contact1@example.org "));
        var wrongAddress = await engagement.Applications(a => a.FindForApplicantAsync(application.Reference, "eve@example.org"));

        Assert.Equal(application.Id, found?.Id);
        Assert.Null(wrongAddress);
    }

    [Fact]
    public async Task APartnerCannotWithdrawAnotherPartnersApplication()
    {
        await using var engagement = await EngagementHost.StartAsync(postgres, Now);
        var dialogue = await engagement.Dialogues(d => d.ScheduleAsync(Samples.Dialogue(LastDay), null));
        var application = await engagement.Applications(a => a.SubmitAsync(Samples.Verified(dialogue.Id, 1), Samples.Partner));

        var denied = await Assert.ThrowsAsync<DomainException>(() => engagement.Applications(a => a.WithdrawAsync(application.Id, Api.Application.Actor.Partner("other"))));

        Assert.Equal(DomainErrorKind.PermissionDenied, denied.Kind);
    }

    [Fact]
    public async Task TheParticipantsExportListsTheApprovedOnlyWithTextDefused()
    {
        await using var engagement = await EngagementHost.StartAsync(postgres, Now);
        var dialogue = await engagement.Dialogues(d => d.ScheduleAsync(Samples.Dialogue(LastDay, inPerson: 1, automatic: true), null));
        await engagement.Applications(a => a.SubmitAsync(Samples.Verified(dialogue.Id, 1) with { Details = Samples.Details("=cmd|' /C calc'!A0") }, Samples.Partner));
        await engagement.Applications(a => a.SubmitAsync(Samples.Verified(dialogue.Id, 2), Samples.Partner));

        var (content, rows) = await engagement.Queries(q => q.ExportParticipantsAsync(dialogue.Id));
        var text = System.Text.Encoding.UTF8.GetString(content).TrimStart('\uFEFF');

        Assert.Equal(1, rows);
        Assert.StartsWith("reference,organization,", text);
        Assert.Contains(",'=cmd|' /C calc'!A0,", text);
        Assert.DoesNotContain("Organization 2", text);
    }

    private static async Task<string> TokenFromMailAsync(EngagementHost engagement, string to)
    {
        var body = await engagement.DbAsync(db => db.MailQueue.Where(m => m.To == to).OrderBy(m => m.Id).Select(m => m.TextBody).FirstAsync());
        return Uri.UnescapeDataString(TokenInLink().Match(body).Groups[1].Value);
    }

    [GeneratedRegex(@"/verify\?token=([A-Za-z0-9_%\-]+)")]
    private static partial Regex TokenInLink();
}
