using Google.Rpc;
using Grpc.Core;
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
/// INVALID_ARGUMENT), because every service throws DomainException and one interceptor maps it.
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
