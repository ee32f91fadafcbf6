namespace Reviews.Api.Domain.CountryReviews;

/// <summary>The stages of a country review, in order (Guidelines for country reviews, resolution 10/1 annex I).</summary>
public enum ReviewStage
{
    /// <summary>Each party of the review nominates a focal point, then governmental experts.</summary>
    NominationsPending = 1,

    /// <summary>The focal points agree time frames, requirements and working languages.</summary>
    PreliminaryConsultation = 2,

    /// <summary>The party under review answers the cluster's questionnaire.</summary>
    SelfAssessmentQuestionnaire = 3,

    /// <summary>The reviewing parties comment on the answers.</summary>
    WrittenFeedback = 4,

    /// <summary>Reviewers, party under review and secretariat write the list of observations and its summary.</summary>
    ListOfObservationsAndSummary = 5,

    /// <summary>Outputs final, summary published.</summary>
    Completed = 6,
}
