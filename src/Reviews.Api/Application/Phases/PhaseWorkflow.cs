using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReviewMechanism.ServiceDefaults.Authorization;
using Reviews.Api.Data;
using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Groups;
using Reviews.Api.Domain.Phases;

namespace Reviews.Api.Application.Phases;

/// <summary>The review phases of a group (para 17): its progress toward the threshold, Conference decisions, the next phase's launch.</summary>
public sealed class PhaseWorkflow(ReviewsDbContext db, TimeProvider time, IOptions<ReviewTimelineOptions> timeline, IOptions<PhaseOptions> phases)
{
    public async Task<PhaseProgress> ProgressAsync(int groupNumber, CancellationToken cancellationToken)
    {
        var group = await db.FindGroupAsync(groupNumber, cancellationToken);
        var reviews = await db.CountryReviews.AsNoTracking().Where(r => r.GroupNumber == group.Number && r.Phase == group.CurrentPhase).ToListAsync(cancellationToken);
        return PhasePlanner.Progress(group, reviews, phases.Value);
    }

    public async Task<ConferenceDecision> RecordConferenceDecisionAsync(Caller caller, RecordConferenceDecisionCommand command, CancellationToken cancellationToken)
    {
        var group = await db.FindGroupAsync(command.GroupNumber, cancellationToken);
        var decision = group.RecordConferenceDecision(
            command.FromPhase, command.Outcome, command.Reference, command.DecidedOn, command.Notes, time.GetUtcNow(), caller.Subject);
        await db.SaveChangesAsync(cancellationToken);
        return decision;
    }

    /// <summary>Opens the group's next phase (start date default today) when its threshold is met or the Conference decided so.</summary>
    public async Task<PhaseLaunch> LaunchNextPhaseAsync(Caller caller, int groupNumber, DateOnly? startDate, CancellationToken cancellationToken)
    {
        var group = await db.FindGroupAsync(groupNumber, cancellationToken);
        var current = await db.CountryReviews.Where(r => r.GroupNumber == group.Number && r.Phase == group.CurrentPhase).ToListAsync(cancellationToken);
        var reviews = PhasePlanner.LaunchNextPhase(
            group, current, startDate ?? time.Today(), phases.Value, timeline.Value,
            await db.KnownFocalPointsAsync(cancellationToken), time.GetUtcNow(), caller.Subject);
        db.CountryReviews.AddRange(reviews);
        db.PublishPhaseLaunched(group);
        await db.SaveChangesAsync(cancellationToken);
        return new PhaseLaunch(group.Number, group.CurrentPhase, reviews.Count > 0 ? reviews[0].Cluster : 0, [.. reviews.Select(r => r.Id)]);
    }
}
