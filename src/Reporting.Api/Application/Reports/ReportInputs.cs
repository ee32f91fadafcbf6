using Reporting.Api.Domain.FocalPoints;
using Reporting.Api.Domain.Reviews;

namespace Reporting.Api.Application.Reports;

/// <summary>Everything the report is computed from, as it stood at the end of the report's date.</summary>
public sealed record ReportInputs(
    DateOnly AsOf,
    IReadOnlyList<ReviewState> Reviews,
    IReadOnlyList<FocalPointNomination> FocalPoints,
    IReadOnlyDictionary<string, DateTimeOffset> LastFocalPointEnd,
    IReadOnlyDictionary<string, int> FeedbackTransmitted,
    NominationInputs Nominations,
    IReadOnlyList<DialogueCategoryRow> Dialogues,
    IReadOnlyList<TrainingCourseRow> Trainings,
    TrainingTotals TrainingTotals,
    BriefingTotals Briefings,
    IReadOnlyList<(string Need, int Parties)> SurveyNeeds,
    int SurveyResponses,
    int ListsOfObservations,
    int ObservationNeeds,
    DateTimeOffset? LastEventAt);

/// <summary>Counts of nominations by role and gender, received up to the date and in force on it.</summary>
public sealed record RoleGenderRow(string Role, string Gender, int Received, int Active);

public sealed record NominationInputs(
    IReadOnlyList<RoleGenderRow> ByRoleAndGender,
    int PartiesWithFocalPoint,
    int PartiesWithSeveralFocalPoints,
    int PartiesThatEverHadFocalPoint,
    int PartiesThatChangedFocalPoint,
    int FocalPointSubstitutions,
    int PartiesWithObservers,
    int Observers);

public sealed record DialogueCategoryRow(
    string DialogueId, string Topic, string Session, DateOnly? HeldOn, string Category, int Applications, int Approved, int Attended, int Organizations);

public sealed record TrainingCourseRow(string Course, string Kind, int Registrations, int Completions);

public sealed record TrainingTotals(int Registrations, int Completions, int Countries, int Organizations);

public sealed record BriefingTotals(int Briefings, int Officials, int Countries, IReadOnlyList<(string Language, int Briefings)> ByLanguage);

/// <summary>What changed between two dates (the slides' "since May").</summary>
public sealed record SinceInputs(DateOnly Since, IReadOnlyList<ReviewState> ReviewsThen, int FocalPointsNominated, int ExpertsNominated, int Substitutions);
