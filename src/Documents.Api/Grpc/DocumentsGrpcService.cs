using Documents.Api.Application.Documents;
using ReviewProgress = ReviewMechanism.Documents.V1.ReviewProgress;
using Documents.Api.Application.Files;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ReviewMechanism.Documents.V1;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Documents.Api.Grpc;

/// <summary>
/// reviewmechanism.documents.v1.DocumentsService: signed-in members of the review module (Secretariat, focal points,
/// experts, observers) may call every RPC; which document they may read or change is the access policy's decision,
/// made in the use cases. Handlers map the contract to the use cases and back; refusals are DomainExceptions that
/// the shared interceptor turns into statuses.
/// </summary>
[Authorize(Roles = MechanismRoles.RegisteredUsers)]
public sealed partial class DocumentsGrpcService(DocumentCommands commands, DocumentReader reader, DocumentQueries queries, FileTransfers files)
    : DocumentsService.DocumentsServiceBase
{
    public override Task<Questionnaire> GetQuestionnaire(GetQuestionnaireRequest request, ServerCallContext context) =>
        Task.FromResult(DocumentMapping.ToProto(queries.Questionnaire(request.Cluster)));

    public override async Task<Document> CreateDocument(CreateDocumentRequest request, ServerCallContext context)
    {
        var input = new CreateDocument(
            request.RequestId,
            request.CountryReviewId,
            DocumentMapping.ToDomain(request.Kind),
            request.Party,
            request.Language,
            ContentMapping.OptionalId(request.OriginalDocumentId, "original_document_id"),
            ContentMapping.OptionalId(request.RespondsToDocumentId, "responds_to_document_id"),
            ContentMapping.ToDomain(request.Content));
        return DocumentMapping.ToProto(await commands.CreateAsync(context.GetCaller(), input, context.CancellationToken));
    }

    public override async Task<Document> GetDocument(GetDocumentRequest request, ServerCallContext context) =>
        DocumentMapping.ToProto(await reader.GetAsync(context.GetCaller(), ContentMapping.Id(request.DocumentId, "document_id"), request.Version, context.CancellationToken));

    public override async Task<ListDocumentsResponse> ListDocuments(ListDocumentsRequest request, ServerCallContext context)
    {
        var views = await queries.ListAsync(context.GetCaller(), request.CountryReviewId, DocumentMapping.ToDomain(request.Kind), context.CancellationToken);
        var response = new ListDocumentsResponse();
        response.Documents.AddRange(views.Select(DocumentMapping.ToProto));
        return response;
    }

    public override async Task<Document> SaveDraft(SaveDraftRequest request, ServerCallContext context) =>
        DocumentMapping.ToProto(await commands.SaveDraftAsync(context.GetCaller(), ContentMapping.Id(request.DocumentId, "document_id"), request.ExpectedRevision,
            ContentMapping.ToDomain(request.Content), request.ChangeNote, context.CancellationToken));

    public override async Task<Document> SubmitForClearance(WorkflowRequest request, ServerCallContext context) =>
        DocumentMapping.ToProto(await commands.SubmitAsync(context.GetCaller(), ContentMapping.Id(request.DocumentId, "document_id"), request.ExpectedRevision, context.CancellationToken));

    public override async Task<Document> ClearDocument(WorkflowRequest request, ServerCallContext context) =>
        DocumentMapping.ToProto(await commands.ClearAsync(context.GetCaller(), ContentMapping.Id(request.DocumentId, "document_id"), request.ExpectedRevision, context.CancellationToken));

    public override async Task<Document> ReturnDocument(ReturnDocumentRequest request, ServerCallContext context) =>
        DocumentMapping.ToProto(await commands.ReturnAsync(context.GetCaller(), ContentMapping.Id(request.DocumentId, "document_id"), request.ExpectedRevision, request.Comment, context.CancellationToken));

    public override async Task<Document> TransmitDocument(WorkflowRequest request, ServerCallContext context) =>
        DocumentMapping.ToProto(await commands.TransmitAsync(context.GetCaller(), ContentMapping.Id(request.DocumentId, "document_id"), request.ExpectedRevision, context.CancellationToken));

    public override async Task<Document> ShareWithOtherParties(ShareWithOtherPartiesRequest request, ServerCallContext context) =>
        DocumentMapping.ToProto(await commands.ShareAsync(context.GetCaller(), ContentMapping.Id(request.DocumentId, "document_id"), request.Shared, context.CancellationToken));

    public override async Task<Document> PublishDocument(PublishDocumentRequest request, ServerCallContext context) =>
        DocumentMapping.ToProto(await commands.PublishAsync(context.GetCaller(), ContentMapping.Id(request.DocumentId, "document_id"), context.CancellationToken));

    public override async Task<ListVersionsResponse> ListVersions(ListVersionsRequest request, ServerCallContext context)
    {
        var versions = await reader.VersionsAsync(context.GetCaller(), ContentMapping.Id(request.DocumentId, "document_id"), context.CancellationToken);
        var response = new ListVersionsResponse();
        response.Versions.AddRange(versions.Select(DocumentMapping.ToProto));
        return response;
    }

    public override async Task<DocumentDiff> DiffVersions(DiffVersionsRequest request, ServerCallContext context)
    {
        var id = ContentMapping.Id(request.DocumentId, "document_id");
        var (from, to, changes) = await reader.DiffAsync(context.GetCaller(), id, request.FromVersion, request.ToVersion, context.CancellationToken);
        return DocumentMapping.ToProto(id, from, to, changes);
    }

    public override async Task<ReviewProgress> GetReviewProgress(GetReviewProgressRequest request, ServerCallContext context) =>
        DocumentMapping.ToProto(await queries.ProgressAsync(context.GetCaller(), request.CountryReviewId, context.CancellationToken));
}
