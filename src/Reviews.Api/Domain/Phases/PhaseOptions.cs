namespace Reviews.Api.Domain.Phases;

/// <summary>The phases of the review process. Bound from configuration section <c>Reviews:Phases</c>.</summary>
public sealed class PhaseOptions
{
    public const string Section = "Reviews:Phases";

    /// <summary>The cluster reviewed in each phase, phase 1 first: clusters 1, 4, 3, 2 (resolution 9/1).</summary>
    public int[] ClusterOrder { get; set; } = [1, 4, 3, 2];

    /// <summary>The share of the reviews foreseen at the start of a phase that must be completed to advance (para 10; configurable).</summary>
    public double CompletionThreshold { get; set; } = 0.70;

    /// <summary>Indicative length of a phase.</summary>
    public int PhaseDurationMonths { get; set; } = 24;
}
