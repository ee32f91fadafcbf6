using Engagement.Api.Application;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ReviewMechanism.Engagement.V1;
using V1 = ReviewMechanism.Engagement.V1;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Engagement.Api.Grpc;

public sealed partial class EngagementGrpcService
{
    [Authorize(Roles = SecretariatOrPartner)]
    public override async Task<V1.Application> SubmitApplication(SubmitApplicationRequest request, ServerCallContext context)
    {
        var command = new SubmitApplication(
            request.IdempotencyKey, Requests.Id(request.DialogueId, "dialogue_id"), Requests.Details(request),
            request.Contact?.Email ?? "", request.ContactEmailVerified);
        var actor = ActorOf(context);
        // A verified arrival goes straight to the queue: no use case and no DbContext are built for the call.
        var application = ApplicationUseCases.VerifiedArrival(command, actor) is { } arrival
            ? await arrivals.SubmitAsync(arrival, context.CancellationToken)
            : await Applications.SubmitAsync(command, actor, context.CancellationToken);
        return Replies.Application(application, 0);
    }

    [Authorize(Roles = SecretariatOrPartner)]
    public override async Task<V1.Application> GetApplication(GetApplicationRequest request, ServerCallContext context)
    {
        var application = string.IsNullOrEmpty(request.ApplicationId)
            ? await Queries.GetByReferenceAsync(request.Reference, context.CancellationToken)
            : await Queries.GetAsync(Requests.Id(request.ApplicationId, "application_id"), context.CancellationToken);
        ApplicationUseCases.EnsureMayAct(ActorOf(context), application);
        return await ApplicationReplyAsync(application, context);
    }

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<ListApplicationsResponse> ListApplications(ListApplicationsRequest request, ServerCallContext context)
    {
        var statuses = request.Statuses.Select(Requests.Status).ToList();
        var page = await Queries.ListAsync(Requests.Id(request.DialogueId, "dialogue_id"), statuses, request.PageSize,
            Requests.Offset(request.PageToken), context.CancellationToken);
        var response = new ListApplicationsResponse { Total = page.Total, NextPageToken = page.NextOffset?.ToString() ?? "" };
        response.Applications.AddRange(page.Items.Select(a => Replies.Application(a, 0)));
        return response;
    }

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<V1.Application> DecideApplication(DecideApplicationRequest request, ServerCallContext context)
    {
        var application = await Decisions.DecideAsync(Requests.Id(request.ApplicationId, "application_id"), Requests.Decision(request.Decision),
            request.ExpectedVersion == 0 ? null : (uint)request.ExpectedVersion, ActorOf(context), context.CancellationToken);
        return await ApplicationReplyAsync(application, context);
    }

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<V1.Application> AssessExpertise(AssessExpertiseRequest request, ServerCallContext context) =>
        Replies.Application(await Decisions.AssessExpertiseAsync(Requests.Id(request.ApplicationId, "application_id"),
            Requests.Assessment(request.Assessment), context.CancellationToken), 0);

    [Authorize(Roles = SecretariatOrPartner)]
    public override async Task<V1.Application> WithdrawApplication(WithdrawApplicationRequest request, ServerCallContext context) =>
        Replies.Application(await Applications.WithdrawAsync(Requests.Id(request.ApplicationId, "application_id"), ActorOf(context), context.CancellationToken), 0);

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<V1.Application> RecordAttendance(RecordAttendanceRequest request, ServerCallContext context) =>
        Replies.Application(await Decisions.RecordAttendanceAsync(Requests.Id(request.ApplicationId, "application_id"),
            Requests.Attendance(request.Attendance), context.CancellationToken), 0);

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<ExportParticipantsResponse> ExportParticipants(ExportParticipantsRequest request, ServerCallContext context)
    {
        var id = Requests.Id(request.DialogueId, "dialogue_id");
        var (content, rows) = await Queries.ExportParticipantsAsync(id, context.CancellationToken);
        return new ExportParticipantsResponse
        {
            FileName = $"participants-{id}.csv",
            ContentType = "text/csv; charset=utf-8",
            Content = Google.Protobuf.ByteString.CopyFrom(content),
            Rows = rows,
        };
    }

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task WatchApplications(WatchApplicationsRequest request, IServerStreamWriter<V1.Application> responseStream, ServerCallContext context)
    {
        Guid? dialogueId = string.IsNullOrEmpty(request.DialogueId) ? null : Requests.Id(request.DialogueId, "dialogue_id");
        try
        {
            await foreach (var application in feed.WatchAsync(dialogueId, context.CancellationToken))
            {
                await responseStream.WriteAsync(Replies.Application(application, 0), context.CancellationToken);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The watcher went away.
        }
    }

    private async Task<V1.Application> ApplicationReplyAsync(Domain.Applications.DialogueApplication application, ServerCallContext context)
    {
        var ahead = await Queries.WaitlistPositionAsync(application, context.CancellationToken);
        return Replies.Application(application, ahead >= 0 ? ahead + 1 : 0);
    }
}
