namespace Reviews.Api.Domain.Drawing;

/// <summary>
/// The configurable rules of the drawing of lots (REVIEW-PROCESS.md, "Groups and drawing of lots").
/// Bound from configuration section <c>Reviews:DrawingOfLots</c>.
/// </summary>
public sealed class DrawingOfLotsOptions
{
    public const string Section = "Reviews:DrawingOfLots";

    /// <summary>How many parties one party reviews at most within one group (configurable; default 2).</summary>
    public int WorkloadCapPerGroup { get; set; } = 2;

    /// <summary>How many times a pairing may be drawn again at a party's request (para 28: up to four).</summary>
    public int MaxRedrawsPerReview { get; set; } = 4;

    /// <summary>How many groups the parties are split into (para 17: three, starting a year apart).</summary>
    public int GroupCount { get; set; } = 3;

    /// <summary>Months between the start of one group and the next when no explicit start date is given.</summary>
    public int MonthsBetweenGroupStarts { get; set; } = 12;

    /// <summary>
    /// When true, the additional reviewer drawn for the instruments a reviewer is not party to comes from the same
    /// side as that reviewer (same region for the same-region reviewer, another region for the other one), so each
    /// instrument keeps one reviewer of each side. When false, any party to those instruments can be drawn.
    /// </summary>
    public bool AdditionalReviewerKeepsSlotRegion { get; set; } = true;

    /// <summary>
    /// The latest stage in which a pairing can still be drawn again (a redraw after the reviewers' written
    /// feedback would discard their work). Configurable; default: during the self-assessment questionnaire.
    /// </summary>
    public CountryReviews.ReviewStage RedrawAllowedUntilStage { get; set; } = CountryReviews.ReviewStage.SelfAssessmentQuestionnaire;

    /// <summary>Upper bound of candidate checks for one draw; beyond it the draw fails naming the tightest rule.</summary>
    public long MaxSearchSteps { get; set; } = 2_000_000;

    public RegionalAffinityOptions RegionalAffinity { get; set; } = new();
}
