using Reporting.Api.Domain.Reviews;
using ReviewMechanism.Reporting.V1;
using ReviewsV1 = ReviewMechanism.Reviews.V1;

namespace Reporting.Api.Application.Exports;

/// <summary>The report's tables as CSV, from the report itself (so a table and its figure always agree).</summary>
public static class CsvTables
{
    public static IReadOnlyList<ReportTable> Tables { get; } = [.. Enum.GetValues<ReportTable>().Where(t => t != ReportTable.Unspecified)];

    /// <summary>Tables that name parties: Secretariat only.</summary>
    public static bool IsPartyLevel(ReportTable table) => table is ReportTable.PartiesMissingFocalPoints or ReportTable.Reviews;

    public static string Slug(ReportTable table) => table switch
    {
        ReportTable.ReviewsByGroupAndStage => "reviews-by-group-and-stage",
        ReportTable.FocalPointGaps => "focal-point-gaps",
        ReportTable.PartiesMissingFocalPoints => "parties-missing-focal-points",
        ReportTable.LanguageCombinations => "language-combinations",
        ReportTable.QuestionnaireProgress => "questionnaire-progress",
        ReportTable.FeedbackProgress => "feedback-progress",
        ReportTable.NominationsByRoleAndGender => "nominations-by-role-and-gender",
        ReportTable.DialogueParticipation => "dialogue-participation",
        ReportTable.ThresholdProgress => "threshold-progress",
        ReportTable.Reviews => "reviews",
        ReportTable.Summary => "summary",
        _ => "unknown",
    };

    public static ReportTable? FromSlug(string slug) => Tables.Cast<ReportTable?>().FirstOrDefault(t => Slug(t!.Value) == slug);

    public static string FileName(ReportTable table, ReviewsV1.Date asOf) => $"{Slug(table)}-{asOf.Year:0000}-{asOf.Month:00}-{asOf.Day:00}.csv";

    public static string Render(ReportTable table, ProgressReport r) => table switch
    {
        ReportTable.Summary => Csv.Write(["figure", "count", "of", "percent", "display"],
        [
            ["reviews", r.TotalReviews, null, null, null],
            ["participating parties", r.ParticipatingParties, null, null, null],
            Row("active reviews", r.Active),
            Row("reviews not started", r.NotStarted),
            ["not started: preparing the preliminary consultation", r.Inactive.PreparingConsultation, r.Inactive.NotStarted, null, null],
            ["not started: missing at least one focal point", r.Inactive.MissingFocalPoint, r.Inactive.NotStarted, null, null],
            ["completed reviews", r.Completed, r.TotalReviews, null, null],
            Row("parties missing a focal point", r.FocalPointGaps.PartiesMissing),
            Row("reviews blocked by a missing focal point", r.FocalPointGaps.ReviewsBlocked),
            Row("preliminary consultations held", r.Consultations.Held),
            Row("active reviews in one language", r.Languages.OneLanguage),
            Row("active reviews in two languages", r.Languages.TwoLanguages),
            Row("active reviews in three languages", r.Languages.ThreeLanguages),
            Row("active reviews, languages to be confirmed", r.Languages.ToBeConfirmed),
            ["nominations received (focal points and experts)", r.Nominations.Received.Total, null, null, null],
            Row("nominations received: female", r.Nominations.Received.FemaleShare),
            ["nominations received: male", r.Nominations.Received.Male, r.Nominations.Received.Total, null, null],
            ["nominations received: not informed", r.Nominations.Received.NotInformed, r.Nominations.Received.Total, null, null],
            Row("parties with a focal point", r.Nominations.PartiesWithFocalPoint),
            Row("parties that changed their focal point", r.Nominations.PartiesThatChangedFocalPoint),
            ["parties with observers", r.Nominations.PartiesWithObservers, null, null, null],
            ["briefings and trainings of officials", r.Briefings.Briefings, null, null, null],
            ["officials briefed or trained", r.Briefings.Officials, null, null, null],
            ["countries of the officials", r.Briefings.Countries, null, null, null],
            ["technical assistance survey responses", r.TechnicalAssistance.SurveyResponses, null, null, null],
        ]),
        ReportTable.ReviewsByGroupAndStage => Csv.Write(["group", "phase", "stage", "reviews"],
            r.Groups.SelectMany(g => g.Stages.Select(s => (IReadOnlyList<object?>)[g.GroupNumber, g.Phase, Label(s.Stage), s.Reviews]))),
        ReportTable.FocalPointGaps => Csv.Write(["group", "reviews", "reviews_blocked", "blocked_by_party_under_review", "blocked_by_reviewers_only"],
            r.FocalPointGaps.ByGroup.Select(g => (IReadOnlyList<object?>)[g.GroupNumber, g.Reviews, g.ReviewsBlocked, g.BlockedByPartyUnderReview, g.BlockedByReviewersOnly])),
        ReportTable.PartiesMissingFocalPoints => Csv.Write(["party", "own_review", "days_missing", "country_reviews"],
            r.FocalPointGaps.Parties.Select(p => (IReadOnlyList<object?>)[p.Party, p.OwnReview, p.DaysMissing, string.Join(" ", p.CountryReviewIds)])),
        ReportTable.LanguageCombinations => Csv.Write(["languages", "reviews"],
            r.Languages.Combinations.Select(c => (IReadOnlyList<object?>)[c.Label, c.Reviews])),
        ReportTable.QuestionnaireProgress => Csv.Write(["group", "reviews", "not_started", "in_preparation", "submitted"],
            r.Questionnaires.Select(q => (IReadOnlyList<object?>)[q.GroupNumber, q.Reviews, q.NotStarted, q.InPreparation, q.Submitted])),
        ReportTable.FeedbackProgress => Csv.Write(["group", "reviews", "not_reached", "in_progress", "concluded", "feedback_transmitted"],
            r.Feedback.Select(f => (IReadOnlyList<object?>)[f.GroupNumber, f.Reviews, f.NotReached, f.InProgress, f.Concluded, f.FeedbackTransmitted])),
        ReportTable.NominationsByRoleAndGender => Csv.Write(
            ["role", "received_female", "received_male", "received_not_informed", "received_total", "active_female", "active_male", "active_not_informed", "active_total"],
            r.Nominations.ReceivedByRole.Zip(r.Nominations.ActiveByRole, (received, active) => (IReadOnlyList<object?>)
                [received.Role, received.Counts.Female, received.Counts.Male, received.Counts.NotInformed, received.Counts.Total,
                 active.Counts.Female, active.Counts.Male, active.Counts.NotInformed, active.Counts.Total])),
        ReportTable.DialogueParticipation => Csv.Write(["dialogue", "topic", "session", "held_on", "category", "applications", "approved", "attended", "organizations"],
            r.Dialogues.ByDialogue.SelectMany(d => d.ByCategory.Select(c => (IReadOnlyList<object?>)
                [d.DialogueId, d.Topic, d.Session, d.HeldOn is { } h ? $"{h.Year:0000}-{h.Month:00}-{h.Day:00}" : "", c.Category, c.Applications, c.Approved, c.Attended, c.Organizations]))),
        ReportTable.ThresholdProgress => Csv.Write(["group", "phase", "reviews_foreseen", "completed", "completed_percent", "threshold", "reviews_required", "reviews_still_needed", "met"],
            r.Groups.Select(g => (IReadOnlyList<object?>)
                [g.GroupNumber, g.Phase, g.Threshold.ReviewsForeseen, g.Threshold.Completed, g.Threshold.CompletedShare.Display, g.Threshold.Threshold,
                 g.Threshold.ReviewsRequired, g.Threshold.ReviewsStillNeeded, g.Threshold.Met])),
        ReportTable.Reviews => Csv.Write(["country_review", "party_under_review", "group", "phase", "stage", "languages", "missing_focal_points", "stage_entered_at"],
            r.Reviews.Select(l => (IReadOnlyList<object?>)
                [l.CountryReviewId, l.PartyUnderReview, l.GroupNumber, l.Phase, Label(l.Stage), string.Join(" ", l.Languages.Select(Reports.ProtoFigures.LanguageCode)),
                 string.Join(" ", l.MissingFocalPoints), l.StageEnteredAt?.ToDateTimeOffset().ToString("yyyy-MM-ddTHH:mm:ssZ")])),
        _ => throw DomainException.Invalid("table", $"Choose one of the report's tables ({string.Join(", ", Tables.Select(Slug))})."),
    };

    private static IReadOnlyList<object?> Row(string figure, Share share) => [figure, share.Count, share.Of, share.Percent, share.Display];

    private static string Label(ReviewsV1.ReviewStage stage) => ((Stage)(int)stage).Label();
}
