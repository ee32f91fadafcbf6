using Reviews.Api.Data;
using Reviews.Api.Domain.Groups;
using Reviews.Api.IntegrationEvents;

namespace Reviews.Api.Application;

internal static class PhaseEvents
{
    /// <summary>Queues ReviewPhaseLaunched for the group's newest phase (stored with the save).</summary>
    public static void PublishPhaseLaunched(this ReviewsDbContext db, ReviewGroup group)
    {
        if (group.PhaseOf(group.CurrentPhase) is { } phase)
        {
            db.Publish(ReviewIntegrationEvents.PhaseLaunched(group, phase, group.DecisionFor(phase.Phase - 1)));
        }
    }
}
