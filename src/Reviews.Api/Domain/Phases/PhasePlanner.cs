using ReviewMechanism.ServiceDefaults.Errors;
using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Groups;

namespace Reviews.Api.Domain.Phases;

/// <summary>
/// The four phases (clusters 1, 4, 3, 2): launching a group's first phase from its pairings, its progress toward
/// the 70% threshold (para 10), and launching the next phase with the same pairings.
/// </summary>
public static class PhasePlanner
{
    public static int ClusterOf(int phase, PhaseOptions options)
    {
        if (phase < 1 || phase > options.ClusterOrder.Length)
        {
            throw DomainException.Invalid("phase", $"There are {options.ClusterOrder.Length} phases; phase {phase} does not exist.");
        }
        return options.ClusterOrder[phase - 1];
    }

    /// <summary>Opens phase 1: a review of cluster 1 for every party under review of the group, from the group's start.</summary>
    public static IReadOnlyList<CountryReview> LaunchFirstPhase(
        ReviewGroup group,
        PhaseOptions options,
        ReviewTimelineOptions timeline,
        Func<string, ReviewRole, FocalPointContact?> knownFocalPoint,
        DateTimeOffset now,
        string by)
    {
        if (group.CurrentPhase != 0)
        {
            throw DomainException.AlreadyExists("PHASE_ALREADY_STARTED", $"group/{group.Number}/phase/1", $"Group {group.Number} already started phase 1.");
        }
        return Launch(group, 1, group.StartDate, null, options, timeline, knownFocalPoint, now, by);
    }

    public static PhaseProgress Progress(ReviewGroup group, IEnumerable<CountryReview> reviewsOfGroup, PhaseOptions options)
    {
        var phase = group.CurrentPhase;
        if (phase == 0)
        {
            throw DomainException.Precondition("PHASE_ORDER", $"group/{group.Number}", $"Group {group.Number} has not started its first phase (its reviewers are not drawn yet).");
        }
        var launched = group.PhaseOf(phase)!;
        var reviews = reviewsOfGroup.Where(r => r.GroupNumber == group.Number && r.Phase == phase).ToList();
        var completed = reviews.Count(r => r.Stage == ReviewStage.Completed);
        var share = launched.ReviewsForeseen == 0 ? 0 : (double)completed / launched.ReviewsForeseen;
        // Counted in whole reviews: 44 of 63 (69.8%) does not meet 70%, 7 of 10 does despite floating point.
        var thresholdMet = launched.ReviewsForeseen > 0 && completed >= RequiredCompletions(launched.ReviewsForeseen, options.CompletionThreshold);
        var decision = group.DecisionFor(phase);
        var isLast = phase >= options.ClusterOrder.Length;
        var mayAdvance = !isLast && (decision?.Outcome switch
        {
            ConferenceDecisionOutcome.Advance => true,
            ConferenceDecisionOutcome.Hold => false,
            _ => thresholdMet,
        });
        var required = RequiredCompletions(launched.ReviewsForeseen, options.CompletionThreshold);
        var explanation = isLast
            ? $"Group {group.Number} is in the last phase ({phase}); {completed} of {launched.ReviewsForeseen} reviews completed."
            : decision is not null
                ? $"Conference decision {decision.Reference} of {decision.DecidedOn:yyyy-MM-dd} {(decision.Outcome == ConferenceDecisionOutcome.Advance ? "lets" : "does not let")} group {group.Number} advance to phase {phase + 1}, whatever the threshold ({completed} of {launched.ReviewsForeseen} reviews completed)."
                : thresholdMet
                    ? $"{completed} of the {launched.ReviewsForeseen} reviews foreseen at the start of phase {phase} are completed ({Percent(share)}), at least the {Percent(options.CompletionThreshold)} required: group {group.Number} may advance to phase {phase + 1}."
                    : $"{completed} of the {launched.ReviewsForeseen} reviews foreseen at the start of phase {phase} are completed ({Percent(share)}); {required} ({Percent(options.CompletionThreshold)}) are required before group {group.Number} may advance, unless the Conference decides otherwise.";
        var byStage = Enum.GetValues<ReviewStage>().ToDictionary(s => s, s => reviews.Count(r => r.Stage == s));
        return new PhaseProgress(
            group.Number, phase, launched.Cluster, launched.ReviewsForeseen, completed, share, options.CompletionThreshold,
            thresholdMet, decision, mayAdvance, isLast, byStage, explanation);
    }

    private static string Percent(double share) => (share * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%";

    /// <summary>The smallest number of completed reviews meeting the threshold (7 of 10 for 70%, 45 of 63).</summary>
    public static int RequiredCompletions(int foreseen, double threshold) =>
        (int)Math.Ceiling(Math.Round(foreseen * threshold, 9));

    /// <summary>
    /// Launches the group's next phase when the threshold is met or a Conference decision allows it: one review of
    /// the next cluster per party under review, with the same pairings.
    /// </summary>
    public static IReadOnlyList<CountryReview> LaunchNextPhase(
        ReviewGroup group,
        IEnumerable<CountryReview> reviewsOfGroup,
        DateOnly startDate,
        PhaseOptions options,
        ReviewTimelineOptions timeline,
        Func<string, ReviewRole, FocalPointContact?> knownFocalPoint,
        DateTimeOffset now,
        string by)
    {
        var progress = Progress(group, reviewsOfGroup, options);
        if (progress.IsLastPhase)
        {
            throw DomainException.Precondition("PHASE_ORDER", $"group/{group.Number}", $"Group {group.Number} is in the last phase ({progress.Phase}); there is no next phase.");
        }
        if (!progress.MayAdvance)
        {
            throw DomainException.Precondition("PHASE_THRESHOLD", $"group/{group.Number}", $"Group {group.Number} cannot start phase {progress.Phase + 1}: {progress.Explanation}");
        }
        var current = group.PhaseOf(progress.Phase)!;
        if (startDate < current.StartDate)
        {
            throw DomainException.Invalid("start_date", $"Phase {progress.Phase + 1} cannot start ({startDate:yyyy-MM-dd}) before phase {progress.Phase} started ({current.StartDate:yyyy-MM-dd}).");
        }
        var decisionId = progress.ThresholdMet ? null : progress.Decision?.Id;
        return Launch(group, progress.Phase + 1, startDate, decisionId, options, timeline, knownFocalPoint, now, by);
    }

    private static List<CountryReview> Launch(
        ReviewGroup group, int phase, DateOnly startDate, Guid? decisionId, PhaseOptions options, ReviewTimelineOptions timeline,
        Func<string, ReviewRole, FocalPointContact?> knownFocalPoint, DateTimeOffset now, string by)
    {
        if (group.Pairings.Count == 0)
        {
            throw DomainException.Precondition("PAIRINGS_MISSING", $"group/{group.Number}", $"The reviewers of group {group.Number} have not been drawn yet.");
        }
        var cluster = ClusterOf(phase, options);
        var reviews = group.Pairings
            .OrderBy(p => p.PartyUnderReview, StringComparer.Ordinal)
            .Select(p => CountryReview.Create(group.Number, phase, cluster, startDate, p.ToPairing(), knownFocalPoint, timeline, now, by))
            .ToList();
        group.AddPhase(new GroupPhase(phase, cluster, startDate, reviews.Count, now, by, decisionId));
        return reviews;
    }
}
