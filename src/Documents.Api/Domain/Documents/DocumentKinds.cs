namespace Documents.Api.Domain.Documents;

public static class DocumentKinds
{
    /// <summary>
    /// Written by the reviewers with the party under review and the Secretariat (the list of observations and its
    /// summary), rather than by one party: every party of the review drafts and reads the drafts.
    /// </summary>
    public static bool IsJoint(this DocumentKind kind) => kind is DocumentKind.ListOfObservations or DocumentKind.Summary;

    /// <summary>Per-article documents: their entries follow the cluster's questionnaire.</summary>
    public static bool HasArticles(this DocumentKind kind) => kind is not (DocumentKind.Summary or DocumentKind.SupportingFile);

    /// <summary>The name events and reports use.</summary>
    public static string Code(this DocumentKind kind) => kind switch
    {
        DocumentKind.SelfAssessmentQuestionnaire => "SELF_ASSESSMENT_QUESTIONNAIRE",
        DocumentKind.WrittenFeedback => "WRITTEN_FEEDBACK",
        DocumentKind.ClarificationAnswers => "CLARIFICATION_ANSWERS",
        DocumentKind.ListOfObservations => "LIST_OF_OBSERVATIONS",
        DocumentKind.Summary => "SUMMARY",
        _ => "SUPPORTING_FILE",
    };

    /// <summary>In words, for messages and pages.</summary>
    public static string Describe(this DocumentKind kind) => kind switch
    {
        DocumentKind.SelfAssessmentQuestionnaire => "self-assessment questionnaire",
        DocumentKind.WrittenFeedback => "written feedback",
        DocumentKind.ClarificationAnswers => "answers to the requests for clarification",
        DocumentKind.ListOfObservations => "list of observations",
        DocumentKind.Summary => "summary of the list of observations",
        _ => "supporting file",
    };
}
