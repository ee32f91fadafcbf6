namespace Reviews.Api.Domain.CountryReviews;

/// <summary>
/// The indicative timeline of the Guidelines (resolution 10/1 annex I, as REVIEW-PROCESS.md gives it).
/// Bound from configuration section <c>Reviews:Timeline</c>.
/// </summary>
public sealed class ReviewTimelineOptions
{
    public const string Section = "Reviews:Timeline";

    /// <summary>From the start of the review.</summary>
    public DeadlineOffset FocalPointNomination { get; set; } = DeadlineOffset.OfDays(14);

    /// <summary>From the start of the review.</summary>
    public DeadlineOffset ExpertNomination { get; set; } = DeadlineOffset.OfDays(28);

    /// <summary>From the start of the review (configurable: not confirmed verbatim).</summary>
    public DeadlineOffset PreliminaryConsultation { get; set; } = DeadlineOffset.OfDays(42);

    /// <summary>From the start of the review.</summary>
    public DeadlineOffset SelfAssessmentQuestionnaire { get; set; } = DeadlineOffset.OfMonths(6);

    /// <summary>From the receipt of the questionnaire (until then: from the questionnaire's deadline).</summary>
    public DeadlineOffset WrittenFeedback { get; set; } = DeadlineOffset.OfMonths(6);

    /// <summary>From the last written feedback (until then: from the feedback's deadline).</summary>
    public DeadlineOffset ListOfObservations { get; set; } = DeadlineOffset.OfMonths(6);

    public DeadlineOffset For(DeadlineKind kind) => kind switch
    {
        DeadlineKind.FocalPointNomination => FocalPointNomination,
        DeadlineKind.ExpertNomination => ExpertNomination,
        DeadlineKind.PreliminaryConsultation => PreliminaryConsultation,
        DeadlineKind.SelfAssessmentQuestionnaire => SelfAssessmentQuestionnaire,
        DeadlineKind.WrittenFeedback => WrittenFeedback,
        DeadlineKind.ListOfObservations => ListOfObservations,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
