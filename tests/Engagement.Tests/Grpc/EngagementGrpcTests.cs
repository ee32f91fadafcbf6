using Engagement.Tests.Support;
using Google.Rpc;
using Grpc.Core;
using ReviewMechanism.Engagement.V1;

namespace Engagement.Tests.Grpc;

/// <summary>The gRPC API over real HTTP/2 (Kestrel, h2c): callers, statuses with details, streaming, CSV.</summary>
[Collection(PostgresCollection.Name)]
public sealed class EngagementGrpcTests(PostgresFixture postgres, RedisFixture redis) : IClassFixture<RedisFixture>, IAsyncLifetime
{
    private EngagementWebApp _app = null!;
    private EngagementService.EngagementServiceClient _secretariat = null!;
    private EngagementService.EngagementServiceClient _partner = null!;
    private Dialogue _dialogue = null!;

    public async Task InitializeAsync()
    {
        _app = await EngagementWebApp.StartAsync(postgres, redis, DateTimeOffset.Parse("2027-01-10T09:00:00Z"));
        _secretariat = _app.GrpcClient("ana.secretariat", "Secretariat");
        _partner = _app.GrpcClient("partner-demo", "Partner", "partner-demo");
        _dialogue = await _secretariat.ScheduleDialogueAsync(new ScheduleDialogueRequest
        {
            IdempotencyKey = "dialogue-1",
            Topic = DialogueTopic.SmugglingOfMigrants,
            Session = "Working Group on the Smuggling of Migrants, 2027",
            Title = "Constructive dialogue on the smuggling of migrants",
            HeldOn = "2027-02-20",
            Venue = Venue.Vienna,
            InPersonCapacity = 2,
            LastDayToApply = "2027-01-15",
            AutomaticApproval = true,
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task APartnerAppliesAndTheDeadlineIsMidnightViennaTime()
    {
        var application = await _partner.SubmitApplicationAsync(Request(1));

        Assert.Equal(ApplicationStatus.ApprovedInPerson, application.Status);
        Assert.Matches("^CD-", application.Reference);
        Assert.Equal(DateTimeOffset.Parse("2027-01-15T23:00:00Z"), _dialogue.ApplicationsCloseAt.ToDateTimeOffset());
        Assert.True(_dialogue.ApplicationsOpen);
    }

    [Fact]
    public async Task BadInputIsInvalidArgumentNamingEachField()
    {
        var request = Request(1);
        request.Contact.Email = "nobody";
        request.Organization.Name = new string('n', 201);

        var refused = await Assert.ThrowsAsync<RpcException>(() => _partner.SubmitApplicationAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var details = refused.GetRpcStatus()!.GetDetail<BadRequest>();
        Assert.Equal(["organization.name", "contact.email"], details.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task ADuplicateIsAlreadyExistsAndARetryWithTheSameKeyIsTheSameApplication()
    {
        var first = await _partner.SubmitApplicationAsync(Request(1));
        var retry = await _partner.SubmitApplicationAsync(Request(1));
        var duplicate = Request(1);
        duplicate.IdempotencyKey = "another-key";

        var refused = await Assert.ThrowsAsync<RpcException>(() => _partner.SubmitApplicationAsync(duplicate).ResponseAsync);

        Assert.Equal(first.Id, retry.Id);
        Assert.Equal(StatusCode.AlreadyExists, refused.StatusCode);
        Assert.Equal("DUPLICATE_APPLICATION", refused.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason);
    }

    [Fact]
    public async Task EveryRpcChecksItsCallers()
    {
        var anonymous = _app.GrpcClient();

        var unauthenticated = await Assert.ThrowsAsync<RpcException>(() => anonymous.ListDialoguesAsync(new ListDialoguesRequest()).ResponseAsync);
        var denied = await Assert.ThrowsAsync<RpcException>(() => _partner.ExportParticipantsAsync(new ExportParticipantsRequest { DialogueId = _dialogue.Id }).ResponseAsync);
        var own = await _partner.SubmitApplicationAsync(Request(1));
        var otherPartner = _app.GrpcClient("partner-other", "Partner", "partner-other");
        var notTheirs = await Assert.ThrowsAsync<RpcException>(() => otherPartner.WithdrawApplicationAsync(new WithdrawApplicationRequest { ApplicationId = own.Id }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, unauthenticated.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, notTheirs.StatusCode);
    }

    [Fact]
    public async Task TheSecretariatDecidesWithinCapacityAndExportsTheParticipants()
    {
        var a1 = await _partner.SubmitApplicationAsync(Request(1));
        await _partner.SubmitApplicationAsync(Request(2));
        var a3 = await _partner.SubmitApplicationAsync(Request(3));

        var full = await Assert.ThrowsAsync<RpcException>(() => _secretariat.DecideApplicationAsync(new DecideApplicationRequest { ApplicationId = a3.Id, Decision = Decision.ApproveInPerson }).ResponseAsync);
        var withdrawn = await _partner.WithdrawApplicationAsync(new WithdrawApplicationRequest { ApplicationId = a1.Id });
        var promoted = await _secretariat.GetApplicationAsync(new GetApplicationRequest { Reference = a3.Reference });
        var csv = await _secretariat.ExportParticipantsAsync(new ExportParticipantsRequest { DialogueId = _dialogue.Id });

        Assert.Equal(StatusCode.FailedPrecondition, full.StatusCode);
        Assert.Equal(ApplicationStatus.Withdrawn, withdrawn.Status);
        Assert.Equal(ApplicationStatus.ApprovedInPerson, promoted.Status);
        Assert.Equal(2, csv.Rows);
        Assert.Contains(a3.Reference, csv.Content.ToStringUtf8());
        Assert.DoesNotContain(a1.Reference, csv.Content.ToStringUtf8());
    }

    [Fact]
    public async Task TheSecretariatWatchesNewApplicationsAsTheyCount()
    {
        using var watch = _secretariat.WatchApplications(new WatchApplicationsRequest { DialogueId = _dialogue.Id });
        var first = watch.ResponseStream.MoveNext();
        await Task.Delay(500);

        var submitted = await _partner.SubmitApplicationAsync(Request(7));

        Assert.True(await first.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(submitted.Id, watch.ResponseStream.Current.Id);
    }

    private SubmitApplicationRequest Request(int n) => new()
    {
        IdempotencyKey = $"key-{n}",
        DialogueId = _dialogue.Id,
        Organization = new Organization { Name = $"Organization {n}", Category = StakeholderCategory.Ngo, Country = "MEX" },
        Contact = new ContactPerson { FullName = $"Contact {n}", Email = $"contact{n}@example.org" },
        Expertise = "Research on migrant smuggling routes.",
        RequestedMode = ParticipationMode.InPerson,
        ContactEmailVerified = true,
    };
}
