using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Groups;

namespace Reviews.Api.Domain.Phases;

/// <summary>A group's progress in a phase toward the completion threshold, and whether it may advance.</summary>
public sealed record PhaseProgress(
    int GroupNumber,
    int Phase,
    int Cluster,
    int ReviewsForeseen,
    int ReviewsCompleted,
    double CompletedShare,
    double Threshold,
    bool ThresholdMet,
    ConferenceDecision? Decision,
    bool MayAdvance,
    bool IsLastPhase,
    IReadOnlyDictionary<ReviewStage, int> ReviewsByStage,
    string Explanation);
