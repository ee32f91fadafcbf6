namespace Reviews.Api.Domain.CountryReviews;

public static class DeadlineKinds
{
    public static readonly IReadOnlyList<DeadlineKind> All =
    [
        DeadlineKind.FocalPointNomination, DeadlineKind.ExpertNomination, DeadlineKind.PreliminaryConsultation,
        DeadlineKind.SelfAssessmentQuestionnaire, DeadlineKind.WrittenFeedback, DeadlineKind.ListOfObservations,
    ];

    public static string DisplayName(this DeadlineKind kind) => kind switch
    {
        DeadlineKind.FocalPointNomination => "nomination of the focal point",
        DeadlineKind.ExpertNomination => "nomination of the governmental experts",
        DeadlineKind.PreliminaryConsultation => "preliminary consultation",
        DeadlineKind.SelfAssessmentQuestionnaire => "self-assessment questionnaire",
        DeadlineKind.WrittenFeedback => "written feedback",
        DeadlineKind.ListOfObservations => "list of observations and summary",
        _ => kind.ToString(),
    };
}
