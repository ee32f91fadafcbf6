using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReviewMechanism.Reviews.V1;
using Reviews.Api.Data;
using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Nominations;
using Reviews.Api.Domain.Phases;
using Reviews.Api.IntegrationEvents;
using Reviews.Api.Application.Notifications;

namespace Reviews.Api.Grpc;

/// <summary>
/// The Reviews service's gRPC API (reviews.proto). Each RPC declares who may call it; handlers add the checks on
/// the caller's parties, load what they need, let the domain decide, and save once (so a refused call stores
/// nothing). Split by area over several files.
/// </summary>
public sealed partial class ReviewsGrpcService(
    ReviewsDbContext db,
    TimeProvider time,
    IOptions<DrawingOfLotsOptions> drawing,
    IOptions<ReviewTimelineOptions> timeline,
    IOptions<PhaseOptions> phases,
    IOptions<NotificationFeedOptions> feed,
    NotificationSignal signal) : ReviewsService.ReviewsServiceBase
{
    private DateTimeOffset Now => time.GetUtcNow();

    private DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>Focal points already nominated (before a review existed), by party and place.</summary>
    private async Task<Func<string, Domain.CountryReviews.ReviewRole, FocalPointContact?>> KnownFocalPointsAsync(CancellationToken cancellationToken)
    {
        var nominations = await db.Nominations
            .Where(n => n.EndedAt == null && n.Role == NominationRole.FocalPoint)
            .ToListAsync(cancellationToken);
        return (party, role) => KnownNomination.FocalPointFor(nominations, "", party, role);
    }

    /// <summary>Queues ReviewPhaseLaunched for the group's newest phase (stored with the save).</summary>
    private void PublishPhaseLaunched(Domain.Groups.ReviewGroup group)
    {
        if (group.PhaseOf(group.CurrentPhase) is { } phase)
        {
            db.Publish(ReviewIntegrationEvents.PhaseLaunched(group, phase, group.DecisionFor(phase.Phase - 1)));
        }
    }
}
