namespace Reviews.Api.Domain.CountryReviews;

public static class ReviewStages
{
    public static string DisplayName(this ReviewStage stage) => stage switch
    {
        ReviewStage.NominationsPending => "Nominations pending",
        ReviewStage.PreliminaryConsultation => "Preliminary consultation",
        ReviewStage.SelfAssessmentQuestionnaire => "Self-assessment questionnaire",
        ReviewStage.WrittenFeedback => "Written feedback",
        ReviewStage.ListOfObservationsAndSummary => "List of observations and summary",
        ReviewStage.Completed => "Completed",
        _ => stage.ToString(),
    };
}
