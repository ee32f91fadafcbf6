namespace Reviews.Api.Domain.CountryReviews;

public enum BlockerKind
{
    NotStarted = 1,
    FocalPointMissing = 2,
    PreliminaryConsultationPending = 3,
    QuestionnairePending = 4,
    WrittenFeedbackPending = 5,
    ListOfObservationsPending = 6,
}
