namespace Reporting.Api.Domain.Figures;

/// <summary>
/// Para 10 of the procedures and rules: a group advances to its next phase when this share of the reviews foreseen
/// at the start of its current phase is completed (configurable, <c>Reporting:Phases:CompletionThreshold</c>, 0.70).
/// Counted in whole reviews: 70% of 62 needs 44 (43.4 rounded up).
/// </summary>
public sealed class PhaseThreshold
{
    public const string Section = "Reporting:Phases";

    public double CompletionThreshold { get; set; } = 0.70;

    public int ReviewsRequired(int foreseen) => (int)Math.Ceiling(Math.Round(CompletionThreshold * foreseen, 9));
}
