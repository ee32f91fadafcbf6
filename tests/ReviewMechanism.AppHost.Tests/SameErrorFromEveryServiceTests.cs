using System.Globalization;
using Aspire.Hosting.Testing;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using ReviewMechanism.AppHost.Tests.Infrastructure;
using ReviewMechanism.Documents.V1;
using ReviewMechanism.Engagement.V1;
using ReviewMechanism.Identity.V1;
using ReviewMechanism.Nominations.V1;
using ReviewMechanism.Reporting.V1;
using ReviewMechanism.Reviews.V1;
using Xunit.Abstractions;

namespace ReviewMechanism.AppHost.Tests;

/// <summary>
/// One error vocabulary: the same kind of refusal comes back from every service, through the gateway, with the same
/// status and the same rich details (google.rpc.ErrorInfo of one domain; google.rpc.BadRequest naming the field for
/// INVALID_ARGUMENT; google.rpc.PreconditionFailure for FAILED_PRECONDITION), because every service throws
/// DomainException and one interceptor maps it. Refusals by authorization (a missing token, a missing role) carry the
/// same ErrorInfo whether a service or the gateway writes them (ServiceDefaults' TrailersOnlyStatus). Each refusal is
/// one every service that has such a rule can give whatever the other tests of the stack did before (no group split
/// or drawing is needed).
/// </summary>
[Collection(MechanismCollection.Name)]
public sealed class SameErrorFromEveryServiceTests(MechanismStack stack, ITestOutputHelper output)
{
    private const string Domain = "reviewmechanism.unodc.org";

    [Fact]
    public async Task AnUnknownRecordIsNotFoundWithTheSameDetailsFromEveryService()
    {
        var caller = await stack.SecretariatOfEveryServiceAsync();
        var unknown = Guid.NewGuid().ToString();
        var answers = new Dictionary<string, RpcException>
        {
            ["reviews"] = await FailureAsync(() => Client<ReviewsService.ReviewsServiceClient>().GetCountryReviewAsync(new GetCountryReviewRequest { CountryReviewId = "ZZZ-C9" }, caller)),
            ["nominations"] = await FailureAsync(() => Client<NominationsService.NominationsServiceClient>().GetNominationAsync(new GetNominationRequest { Party = "AUT", NominationId = unknown }, caller)),
            ["documents"] = await FailureAsync(() => Client<DocumentsService.DocumentsServiceClient>().GetDocumentAsync(new GetDocumentRequest { DocumentId = unknown }, caller)),
            ["engagement"] = await FailureAsync(() => Client<EngagementService.EngagementServiceClient>().GetDialogueAsync(new GetDialogueRequest { DialogueId = unknown }, caller)),
            ["identity"] = await FailureAsync(() => Client<AccountsService.AccountsServiceClient>().GetAccountAsync(new GetAccountRequest { UserId = unknown }, caller)),
        };

        AssertSame(answers, StatusCode.NotFound, [ErrorInfo.Descriptor.FullName], info =>
            Assert.True(info.Reason.EndsWith("_NOT_FOUND", StringComparison.Ordinal) && info.Metadata.ContainsKey("subject"), $"reason {info.Reason}, metadata {info.Metadata}"));
    }

    [Fact]
    public async Task InvalidInputIsAnInvalidArgumentNamingTheFieldFromEveryService()
    {
        var caller = await stack.SecretariatOfEveryServiceAsync();
        var answers = new Dictionary<string, RpcException>
        {
            ["reviews"] = await FailureAsync(() => Client<ReviewsService.ReviewsServiceClient>().GetPartyAsync(new GetPartyRequest { Iso3 = "not a party" }, caller)),
            ["nominations"] = await FailureAsync(() => Client<NominationsService.NominationsServiceClient>().GetNominationAsync(new GetNominationRequest { Party = "AUT", NominationId = "not-an-id" }, caller)),
            ["documents"] = await FailureAsync(() => Client<DocumentsService.DocumentsServiceClient>().GetDocumentAsync(new GetDocumentRequest { DocumentId = "not-an-id" }, caller)),
            ["engagement"] = await FailureAsync(() => Client<EngagementService.EngagementServiceClient>().GetDialogueAsync(new GetDialogueRequest { DialogueId = "not-an-id" }, caller)),
            ["reporting"] = await FailureAsync(() => Client<ReportingService.ReportingServiceClient>().AddRecommendationAsync(new AddRecommendationRequest(), caller)),
            ["identity"] = await FailureAsync(() => Client<AccountsService.AccountsServiceClient>().GetAccountAsync(new GetAccountRequest { UserId = " " }, caller)),
        };

        AssertSame(answers, StatusCode.InvalidArgument, [BadRequest.Descriptor.FullName, ErrorInfo.Descriptor.FullName], info =>
            Assert.Equal("INVALID_ARGUMENT", info.Reason));
        foreach (var (service, error) in answers)
        {
            var badRequest = error.GetRpcStatus()!.GetDetail<BadRequest>();
            Assert.True(badRequest.FieldViolations.Count > 0 && badRequest.FieldViolations.All(v => v.Field.Length > 0 && v.Description.Length > 0), $"{service}: {badRequest}");
        }
    }

    [Fact]
    public async Task ACallerActingForAnotherPartyIsPermissionDeniedWithTheSameDetailsFromEveryService()
    {
        var austria = await stack.FocalPointOfAustriaOfEveryServiceAsync();
        var dialogue = await ScheduleDialogueAsync(inPersonCapacity: 5);
        var ofPartnerA = await Client<EngagementService.EngagementServiceClient>().SubmitApplicationAsync(Application(dialogue, "a"), await stack.PartnerAsync('a'));
        var partnerB = await stack.PartnerAsync('b');
        var answers = new Dictionary<string, RpcException>
        {
            ["reviews"] = await FailureAsync(() => Client<ReviewsService.ReviewsServiceClient>().RequestRedrawAsync(
                new RequestRedrawRequest { PartyUnderReview = "FRA", RequestingParty = "FRA", Reason = "Austria asks in France's name" }, austria)),
            ["nominations"] = await FailureAsync(() => Client<NominationsService.NominationsServiceClient>().ListOpenTasksAsync(new ListOpenTasksRequest { Party = "FRA" }, austria)),
            ["documents"] = await FailureAsync(() => Client<DocumentsService.DocumentsServiceClient>().CreateDocumentAsync(
                new CreateDocumentRequest { CountryReviewId = "FRA-C1", Party = "FRA", Kind = DocumentKind.SelfAssessmentQuestionnaire, Language = "en" }, austria)),
            ["engagement"] = await FailureAsync(() => Client<EngagementService.EngagementServiceClient>().WithdrawApplicationAsync(
                new WithdrawApplicationRequest { ApplicationId = ofPartnerA.Id }, partnerB)),
        };

        AssertSame(answers, StatusCode.PermissionDenied, [ErrorInfo.Descriptor.FullName], info =>
            Assert.True(info.Reason.StartsWith("NOT_", StringComparison.Ordinal) && info.Metadata.ContainsKey("subject"), $"reason {info.Reason}, metadata {info.Metadata}"));
        var still = await Client<EngagementService.EngagementServiceClient>().GetApplicationAsync(new GetApplicationRequest { Reference = ofPartnerA.Reference }, await stack.SecretariatOfEveryServiceAsync());
        Assert.Equal(ofPartnerA.Status, still.Status);
    }

    [Fact]
    public async Task ACallerWithoutTheDeclaredRoleIsPermissionDeniedWithTheSameErrorInfoFromEveryService()
    {
        // Secretariat-only RPCs (roles are checked before the request is read, so empty requests do); Documents has
        // none, so a Partner (not a registered user) calls it; the gateway's own role policy refuses Identity's.
        var austria = await stack.FocalPointOfAustriaOfEveryServiceAsync();
        var partner = await stack.PartnerAsync('a');
        (string Service, string Method, Func<Task<RpcException>> Refusal)[] calls =
        [
            ("reviews", "/reviewmechanism.reviews.v1.ReviewsService/AddParty",
                () => FailureAsync(() => Client<ReviewsService.ReviewsServiceClient>().AddPartyAsync(new AddPartyRequest(), austria))),
            ("nominations", "/reviewmechanism.nominations.v1.NominationsService/GetNominationStatistics",
                () => FailureAsync(() => Client<NominationsService.NominationsServiceClient>().GetNominationStatisticsAsync(new GetNominationStatisticsRequest(), austria))),
            ("documents", "/reviewmechanism.documents.v1.DocumentsService/GetDocument",
                () => FailureAsync(() => Client<DocumentsService.DocumentsServiceClient>().GetDocumentAsync(new GetDocumentRequest { DocumentId = Guid.NewGuid().ToString() }, partner))),
            ("engagement", "/reviewmechanism.engagement.v1.EngagementService/ScheduleDialogue",
                () => FailureAsync(() => Client<EngagementService.EngagementServiceClient>().ScheduleDialogueAsync(new ScheduleDialogueRequest(), austria))),
            ("reporting", "/reviewmechanism.reporting.v1.ReportingService/GetReadModelStatus",
                () => FailureAsync(() => Client<ReportingService.ReportingServiceClient>().GetReadModelStatusAsync(new GetReadModelStatusRequest(), austria))),
            ("identity (at the gateway)", "/reviewmechanism.identity.v1.AccountsService/GetAccount",
                () => FailureAsync(() => Client<AccountsService.AccountsServiceClient>().GetAccountAsync(new GetAccountRequest { UserId = Guid.NewGuid().ToString() }, austria))),
        ];
        var answers = new Dictionary<string, RpcException>();
        foreach (var (service, _, refusal) in calls)
        {
            answers[service] = await refusal();
        }

        AssertSame(answers, StatusCode.PermissionDenied, [ErrorInfo.Descriptor.FullName], info =>
            Assert.Equal("CALLER_NOT_ALLOWED", info.Reason));
        foreach (var (service, error) in answers)
        {
            var info = error.GetRpcStatus()!.GetDetail<ErrorInfo>();
            Assert.True(info.Metadata["method"] == calls.Single(c => c.Service == service).Method && info.Metadata["requires"].Contains("Secretariat", StringComparison.Ordinal),
                $"{service}: {info}");
        }
    }

    [Fact]
    public async Task ACallWithoutATokenIsUnauthenticatedWithAnErrorInfoFromTheGatewayAndFromTheServiceItself()
    {
        var none = new CallOptions();
        var answers = new Dictionary<string, RpcException>
        {
            ["reviews"] = await FailureAsync(() => Client<ReviewsService.ReviewsServiceClient>().GetCountryReviewAsync(new GetCountryReviewRequest { CountryReviewId = "AUT-C1" }, none)),
            ["nominations"] = await FailureAsync(() => Client<NominationsService.NominationsServiceClient>().ListOpenTasksAsync(new ListOpenTasksRequest { Party = "AUT" }, none)),
            ["documents"] = await FailureAsync(() => Client<DocumentsService.DocumentsServiceClient>().GetDocumentAsync(new GetDocumentRequest { DocumentId = Guid.NewGuid().ToString() }, none)),
            ["engagement"] = await FailureAsync(() => Client<EngagementService.EngagementServiceClient>().ListApplicationsAsync(new ListApplicationsRequest(), none)),
            ["reporting"] = await FailureAsync(() => Client<ReportingService.ReportingServiceClient>().GetReadModelStatusAsync(new GetReadModelStatusRequest(), none)),
            ["identity"] = await FailureAsync(() => Client<AccountsService.AccountsServiceClient>().GetAccountAsync(new GetAccountRequest { UserId = Guid.NewGuid().ToString() }, none)),
            ["nominations (called directly)"] = await FailureAsync(() => stack.NominationsDirect.ListOpenTasksAsync(new ListOpenTasksRequest { Party = "AUT" }, none)),
        };

        AssertSame(answers, StatusCode.Unauthenticated, [ErrorInfo.Descriptor.FullName], info =>
            Assert.True(info.Reason == "UNAUTHENTICATED" && info.Metadata["method"].StartsWith("/reviewmechanism.", StringComparison.Ordinal), $"reason {info.Reason}, metadata {info.Metadata}"));
        Assert.Equal("A valid access token is required (authorization: Bearer ...).", answers["reviews"].Status.Detail);
        Assert.StartsWith("/reviewmechanism.nominations.v1.NominationsService/ListOpenTasks requires an authenticated caller", answers["nominations (called directly)"].Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnRpcTheServiceDoesNotServeIsUnimplementedWithTheSameErrorInfoFromEveryService()
    {
        var secretariat = await stack.SecretariatOfEveryServiceAsync();
        using var channel = GrpcChannel.ForAddress(stack.App.GetEndpoint("gateway", "grpc"));
        var invoker = channel.CreateCallInvoker();
        var services = new Dictionary<string, string>
        {
            ["reviews"] = ReviewsService.Descriptor.FullName,
            ["nominations"] = NominationsService.Descriptor.FullName,
            ["documents"] = DocumentsService.Descriptor.FullName,
            ["engagement"] = EngagementService.Descriptor.FullName,
            ["reporting"] = ReportingService.Descriptor.FullName,
            ["identity"] = AccountsService.Descriptor.FullName,
        };
        var answers = new Dictionary<string, RpcException>();
        foreach (var (name, service) in services)
        {
            var missing = new Method<Empty, Empty>(MethodType.Unary, service, "NoSuchRpc",
                Marshallers.Create(m => m.ToByteArray(), Empty.Parser.ParseFrom), Marshallers.Create(m => m.ToByteArray(), Empty.Parser.ParseFrom));
            answers[name] = await FailureAsync(() => invoker.AsyncUnaryCall(missing, null, secretariat, new Empty()));
        }

        AssertSame(answers, StatusCode.Unimplemented, [ErrorInfo.Descriptor.FullName], info =>
            Assert.True(info.Reason == "UNKNOWN_METHOD" && info.Metadata["method"].EndsWith("/NoSuchRpc", StringComparison.Ordinal), $"reason {info.Reason}, metadata {info.Metadata}"));
    }

    [Fact]
    public async Task ARuleRefusingAChangeOfStateIsAFailedPreconditionNamingTheRuleFromEveryService()
    {
        var secretariat = await stack.SecretariatOfEveryServiceAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var expert = await stack.NominateExpertAsync("NZL", tag, 1);
        var dialogue = await ScheduleDialogueAsync(inPersonCapacity: 1);
        var engagement = Client<EngagementService.EngagementServiceClient>();
        await engagement.SubmitApplicationAsync(Application(dialogue, "first"), secretariat);
        var second = await engagement.SubmitApplicationAsync(Application(dialogue, "second"), secretariat);
        Assert.Equal(ApplicationStatus.Waitlisted, second.Status);
        var account = await AccountOfAsync(expert.PersonId);

        var answers = new Dictionary<string, RpcException>
        {
            ["nominations"] = await FailureAsync(() => Client<NominationsService.NominationsServiceClient>().SubstituteFocalPointAsync(new SubstituteFocalPointRequest
            {
                Party = "NZL",
                NominationId = expert.NominationId,
                Reason = "An expert is not substituted",
                Successor = new PersonDetails { FullName = $"Successor {tag}", Title = "Ms.", Gender = Gender.Female, Email = $"successor.{tag}@example.org", Affiliation = "Ministry of Justice" },
            }, secretariat)),
            ["engagement"] = await FailureAsync(() => engagement.DecideApplicationAsync(new DecideApplicationRequest { ApplicationId = second.Id, Decision = Decision.ApproveInPerson }, secretariat)),
            ["identity"] = await FailureAsync(() => Client<AccountsService.AccountsServiceClient>().ApproveAccountAsync(new ApproveAccountRequest { UserId = account }, secretariat)),
        };

        AssertSame(answers, StatusCode.FailedPrecondition, [ErrorInfo.Descriptor.FullName, PreconditionFailure.Descriptor.FullName], info =>
            Assert.True(info.Metadata.ContainsKey("subject"), $"reason {info.Reason}, metadata {info.Metadata}"));
        foreach (var (service, error) in answers)
        {
            var violation = error.Precondition();
            var info = error.GetRpcStatus()!.GetDetail<ErrorInfo>();
            Assert.True(violation.Type == info.Reason && violation.Subject == info.Metadata["subject"] && violation.Description.Length > 0, $"{service}: {violation} vs {info}");
        }
        Assert.Equal(["NOT_A_FOCAL_POINT", "CAPACITY_FULL", "ACCOUNT_NOT_ACTIVATED"], answers.Values.Select(e => e.Precondition().Type));
        var unchanged = await engagement.GetApplicationAsync(new GetApplicationRequest { Reference = second.Reference }, secretariat);
        Assert.Equal(ApplicationStatus.Waitlisted, unchanged.Status);
    }

    [Fact]
    public async Task AStaleWriteIsAbortedWithTheSameDetailsFromEveryServiceThatChecksVersions()
    {
        var secretariat = await stack.SecretariatOfEveryServiceAsync();
        var dialogue = await ScheduleDialogueAsync(inPersonCapacity: 3);
        var engagement = Client<EngagementService.EngagementServiceClient>();
        var submitted = await engagement.SubmitApplicationAsync(Application(dialogue, "stale"), secretariat);
        // Read both (the application took a seat: the dialogue changed), then someone else writes first.
        var read = await engagement.GetDialogueAsync(new GetDialogueRequest { DialogueId = dialogue.Id }, secretariat);
        var application = await engagement.GetApplicationAsync(new GetApplicationRequest { ApplicationId = submitted.Id }, secretariat);
        var changed = await engagement.UpdateDialogueAsync(Change(read, read.Version, inPersonCapacity: 4), secretariat);
        var decided = await engagement.DecideApplicationAsync(
            new DecideApplicationRequest { ApplicationId = application.Id, Decision = Decision.Waitlist, ExpectedVersion = application.Version }, secretariat);

        var answers = new Dictionary<string, RpcException>
        {
            ["engagement (dialogue)"] = await FailureAsync(() => engagement.UpdateDialogueAsync(Change(read, read.Version, inPersonCapacity: 2), secretariat)),
            ["engagement (application)"] = await FailureAsync(() => engagement.DecideApplicationAsync(
                new DecideApplicationRequest { ApplicationId = application.Id, Decision = Decision.Decline, ExpectedVersion = application.Version }, secretariat)),
        };

        AssertSame(answers, StatusCode.Aborted, [ErrorInfo.Descriptor.FullName], info =>
            Assert.True(info.Reason == "CONCURRENT_CHANGE" && info.Metadata.ContainsKey("subject"), $"reason {info.Reason}, metadata {info.Metadata}"));
        var now = await engagement.GetDialogueAsync(new GetDialogueRequest { DialogueId = dialogue.Id }, secretariat);
        Assert.True(now.Version > read.Version && changed.InPersonCapacity == 4 && now.InPersonCapacity == 4, $"capacity {now.InPersonCapacity}, version {now.Version}");
        var still = await engagement.GetApplicationAsync(new GetApplicationRequest { ApplicationId = application.Id }, secretariat);
        Assert.Equal((decided.Version, ApplicationStatus.Waitlisted), (still.Version, still.Status));
    }

    private async Task<Dialogue> ScheduleDialogueAsync(int inPersonCapacity)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return await Client<EngagementService.EngagementServiceClient>().ScheduleDialogueAsync(new ScheduleDialogueRequest
        {
            IdempotencyKey = Guid.NewGuid().ToString(),
            Topic = DialogueTopic.SmugglingOfMigrants,
            Session = "Working Group on the Smuggling of Migrants",
            Title = "Constructive dialogue on the smuggling of migrants",
            HeldOn = today.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Venue = Venue.Vienna,
            InPersonCapacity = inPersonCapacity,
            LastDayToApply = today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            AutomaticApproval = true,
        }, await stack.SecretariatOfEveryServiceAsync());
    }

    private static UpdateDialogueRequest Change(Dialogue dialogue, long expectedVersion, int inPersonCapacity) => new()
    {
        DialogueId = dialogue.Id,
        ExpectedVersion = expectedVersion,
        Venue = dialogue.Venue,
        InPersonCapacity = inPersonCapacity,
        OnlineCapacity = dialogue.OnlineCapacity,
        LastDayToApply = dialogue.LastDayToApply,
        AutomaticApproval = dialogue.AutomaticApproval,
    };

    private static SubmitApplicationRequest Application(Dialogue dialogue, string tag) => new()
    {
        IdempotencyKey = Guid.NewGuid().ToString(),
        DialogueId = dialogue.Id,
        Organization = new Organization { Name = $"Organization {tag} {Guid.NewGuid():N}", Category = StakeholderCategory.Ngo, Country = "MEX" },
        Contact = new ContactPerson { FullName = $"Contact {tag}", Email = $"contact.{Guid.NewGuid():N}@example.org" },
        Expertise = "Research on migrant smuggling routes.",
        RequestedMode = ParticipationMode.InPerson,
        ContactEmailVerified = true,
    };

    /// <summary>The account identity opened (awaiting activation) for a nominated person, once the event arrived.</summary>
    private async Task<string> AccountOfAsync(string personId)
    {
        string? id = null;
        Assert.True(await MechanismStack.EventuallyAsync(async () =>
        {
            await using var connection = await stack.OpenDatabaseAsync("identitydb");
            await using var command = new Npgsql.NpgsqlCommand("""SELECT "Id" FROM "AspNetUsers" WHERE "PersonId" = @p""", connection);
            command.Parameters.AddWithValue("p", personId);
            id = await command.ExecuteScalarAsync() as string;
            return id is not null;
        }, TimeSpan.FromSeconds(60)), $"identity opened no account for person {personId}");
        return id!;
    }

    private TClient Client<TClient>()
        where TClient : ClientBase => stack.App.CreateGrpcClient<TClient>("gateway");

    private static async Task<RpcException> FailureAsync<T>(Func<AsyncUnaryCall<T>> call) =>
        await Assert.ThrowsAsync<RpcException>(async () => await call());

    /// <summary>Every service answered <paramref name="code"/> with exactly <paramref name="detailTypes"/>, ErrorInfo in the one domain.</summary>
    private void AssertSame(Dictionary<string, RpcException> answers, StatusCode code, string[] detailTypes, Action<ErrorInfo> reason)
    {
        var table = answers.Select(a =>
        {
            var status = a.Value.GetRpcStatus();
            var types = status?.Details.Select(d => d.TypeUrl[(d.TypeUrl.LastIndexOf('/') + 1)..]).Order(StringComparer.Ordinal).ToArray() ?? [];
            return (Service: a.Key, a.Value.StatusCode, Types: types, a.Value.Status.Detail, Status: status);
        }).ToList();
        foreach (var row in table)
        {
            output.WriteLine($"{row.Service}: {row.StatusCode} [{string.Join(", ", row.Types)}] {row.Detail}");
        }
        var report = string.Join("\n", table.Select(r => $"{r.Service}: {r.StatusCode} [{string.Join(", ", r.Types)}] {r.Detail}"));
        Assert.True(table.All(r => r.StatusCode == code && r.Types.SequenceEqual(detailTypes.Order(StringComparer.Ordinal))), $"expected {code} with [{string.Join(", ", detailTypes)}] from every service:\n{report}");
        foreach (var row in table)
        {
            var info = row.Status!.GetDetail<ErrorInfo>();
            Assert.Equal(Domain, info.Domain);
            reason(info);
        }
    }
}
