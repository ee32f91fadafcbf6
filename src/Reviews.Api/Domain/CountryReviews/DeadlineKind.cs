namespace Reviews.Api.Domain.CountryReviews;

/// <summary>The indicative deadlines of the Guidelines for a country review.</summary>
public enum DeadlineKind
{
    /// <summary>Each party nominates its focal point (2 weeks from the start).</summary>
    FocalPointNomination = 1,

    /// <summary>Each party nominates its governmental experts (4 weeks from the start).</summary>
    ExpertNomination = 2,

    /// <summary>The preliminary consultation is held (6 weeks from the start, configurable).</summary>
    PreliminaryConsultation = 3,

    /// <summary>The party under review submits its questionnaire (6 months from the start).</summary>
    SelfAssessmentQuestionnaire = 4,

    /// <summary>Each reviewer submits its written feedback (6 months from receiving the questionnaire).</summary>
    WrittenFeedback = 5,

    /// <summary>The list of observations and its summary are finalized (6 months from the feedback).</summary>
    ListOfObservations = 6,
}
