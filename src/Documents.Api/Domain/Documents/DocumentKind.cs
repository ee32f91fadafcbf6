namespace Documents.Api.Domain.Documents;

/// <summary>The outputs of a country review the service keeps.</summary>
public enum DocumentKind
{
    /// <summary>The party under review's answers, per instrument and article.</summary>
    SelfAssessmentQuestionnaire = 1,

    /// <summary>A reviewing party's comments and requests for clarification, per article.</summary>
    WrittenFeedback = 2,

    /// <summary>The party under review's answers to a written feedback's requests for clarification.</summary>
    ClarificationAnswers = 3,

    /// <summary>Gaps and challenges, good practices, suggestions, technical assistance needs, per article (written jointly).</summary>
    ListOfObservations = 4,

    /// <summary>The summary of the list of observations (written jointly; public once final).</summary>
    Summary = 5,

    /// <summary>Laws, regulations, cases: a description and its files.</summary>
    SupportingFile = 6,
}
