using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ReviewMechanism.Reviews.V1;
using ReviewMechanism.ServiceDefaults.Authorization;
using Reviews.Api.Application.Phases;
using V1 = ReviewMechanism.Reviews.V1;

namespace Reviews.Api.Grpc;

public sealed partial class ReviewsGrpcService
{
    [Authorize]
    public override async Task<V1.PhaseProgress> GetPhaseProgress(GetPhaseProgressRequest request, ServerCallContext context) =>
        (await phases.ProgressAsync(request.GroupNumber, context.CancellationToken)).ToProto();

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<V1.ConferenceDecision> RecordConferenceDecision(RecordConferenceDecisionRequest request, ServerCallContext context)
    {
        var command = new RecordConferenceDecisionCommand(
            request.GroupNumber, request.FromPhase, request.Outcome.ToDomain("outcome"), request.Reference, request.DecidedOn.ToDomain("decided_on"), Blank(request.Notes));
        var decision = await phases.RecordConferenceDecisionAsync(context.GetCaller(), command, context.CancellationToken);
        return decision.ToProto(request.GroupNumber);
    }

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<LaunchNextPhaseResponse> LaunchNextPhase(LaunchNextPhaseRequest request, ServerCallContext context)
    {
        var launch = await phases.LaunchNextPhaseAsync(context.GetCaller(), request.GroupNumber, request.StartDate.ToDomainOrNull("start_date"), context.CancellationToken);
        var response = new LaunchNextPhaseResponse { GroupNumber = launch.GroupNumber, Phase = launch.Phase, Cluster = launch.Cluster };
        response.CountryReviewIds.AddRange(launch.CountryReviewIds);
        return response;
    }
}
