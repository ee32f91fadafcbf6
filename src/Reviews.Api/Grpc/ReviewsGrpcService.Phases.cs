using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Reviews.V1;
using ReviewMechanism.ServiceDefaults.Authorization;
using Reviews.Api.Domain.Phases;
using V1 = ReviewMechanism.Reviews.V1;

namespace Reviews.Api.Grpc;

public sealed partial class ReviewsGrpcService
{
    [Authorize]
    public override async Task<V1.PhaseProgress> GetPhaseProgress(GetPhaseProgressRequest request, ServerCallContext context)
    {
        var group = await FindGroupAsync(request.GroupNumber, context.CancellationToken);
        var reviews = await db.CountryReviews.AsNoTracking().Where(r => r.GroupNumber == group.Number && r.Phase == group.CurrentPhase).ToListAsync(context.CancellationToken);
        return PhasePlanner.Progress(group, reviews, phases.Value).ToProto();
    }

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<V1.ConferenceDecision> RecordConferenceDecision(RecordConferenceDecisionRequest request, ServerCallContext context)
    {
        var group = await FindGroupAsync(request.GroupNumber, context.CancellationToken);
        var decision = group.RecordConferenceDecision(
            request.FromPhase,
            request.Outcome.ToDomain("outcome"),
            request.Reference,
            request.DecidedOn.ToDomain("decided_on"),
            string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(),
            Now,
            context.GetCaller().Subject);
        await db.SaveChangesAsync(context.CancellationToken);
        return decision.ToProto(group.Number);
    }

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<LaunchNextPhaseResponse> LaunchNextPhase(LaunchNextPhaseRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var group = await FindGroupAsync(request.GroupNumber, cancellationToken);
        var current = await db.CountryReviews.Where(r => r.GroupNumber == group.Number && r.Phase == group.CurrentPhase).ToListAsync(cancellationToken);
        var reviews = PhasePlanner.LaunchNextPhase(
            group, current, request.StartDate.ToDomainOrNull("start_date") ?? Today, phases.Value, timeline.Value,
            await KnownFocalPointsAsync(cancellationToken), Now, context.GetCaller().Subject);
        db.CountryReviews.AddRange(reviews);
        PublishPhaseLaunched(group);
        await db.SaveChangesAsync(cancellationToken);
        var response = new LaunchNextPhaseResponse { GroupNumber = group.Number, Phase = group.CurrentPhase, Cluster = reviews.Count > 0 ? reviews[0].Cluster : 0 };
        response.CountryReviewIds.AddRange(reviews.Select(r => r.Id));
        return response;
    }
}
