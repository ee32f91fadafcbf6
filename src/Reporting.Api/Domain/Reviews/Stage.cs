namespace Reporting.Api.Domain.Reviews;

/// <summary>The stages of a country review, in order (as the Reviews service names them in its events).</summary>
public enum Stage
{
    NominationsPending = 1,
    PreliminaryConsultation = 2,
    SelfAssessmentQuestionnaire = 3,
    WrittenFeedback = 4,
    ListOfObservationsAndSummary = 5,
    Completed = 6,
}
