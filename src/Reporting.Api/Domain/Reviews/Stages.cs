namespace Reporting.Api.Domain.Reviews;

public static class Stages
{
    public static readonly IReadOnlyList<Stage> All = Enum.GetValues<Stage>();

    /// <summary>Progressing: the questionnaire, the written feedback or the list of observations.</summary>
    public static bool IsActive(this Stage stage) => stage is Stage.SelfAssessmentQuestionnaire or Stage.WrittenFeedback or Stage.ListOfObservationsAndSummary;

    /// <summary>Not started: nominations pending or the preliminary consultation being prepared.</summary>
    public static bool IsNotStarted(this Stage stage) => stage is Stage.NominationsPending or Stage.PreliminaryConsultation;

    /// <summary>The event name of a stage: <c>WRITTEN_FEEDBACK</c>.</summary>
    public static string Name(this Stage stage) => stage switch
    {
        Stage.NominationsPending => "NOMINATIONS_PENDING",
        Stage.PreliminaryConsultation => "PRELIMINARY_CONSULTATION",
        Stage.SelfAssessmentQuestionnaire => "SELF_ASSESSMENT_QUESTIONNAIRE",
        Stage.WrittenFeedback => "WRITTEN_FEEDBACK",
        Stage.ListOfObservationsAndSummary => "LIST_OF_OBSERVATIONS_AND_SUMMARY",
        Stage.Completed => "COMPLETED",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    /// <summary>Words for tables and charts.</summary>
    public static string Label(this Stage stage) => stage switch
    {
        Stage.NominationsPending => "Nominations pending",
        Stage.PreliminaryConsultation => "Preliminary consultation",
        Stage.SelfAssessmentQuestionnaire => "Self-assessment questionnaire",
        Stage.WrittenFeedback => "Written feedback",
        Stage.ListOfObservationsAndSummary => "List of observations",
        Stage.Completed => "Completed",
        _ => stage.ToString(),
    };

    /// <summary>Reads an event's stage name; null for a name this version does not know.</summary>
    public static Stage? Parse(string name) => name.Trim().ToUpperInvariant() switch
    {
        "NOMINATIONS_PENDING" => Stage.NominationsPending,
        "PRELIMINARY_CONSULTATION" => Stage.PreliminaryConsultation,
        "SELF_ASSESSMENT_QUESTIONNAIRE" => Stage.SelfAssessmentQuestionnaire,
        "WRITTEN_FEEDBACK" => Stage.WrittenFeedback,
        "LIST_OF_OBSERVATIONS_AND_SUMMARY" => Stage.ListOfObservationsAndSummary,
        "COMPLETED" => Stage.Completed,
        _ => null,
    };
}
