using System.Text;

namespace Reporting.Api.Data;

/// <summary>Table names of reportingdb.</summary>
public static class ReportingTables
{
    public const string Reviews = "rm_reviews";
    public const string ReviewParties = "rm_review_parties";
    public const string StageChanges = "rm_stage_changes";
    public const string ReviewLanguages = "rm_review_languages";
    public const string Nominations = "rm_nominations";
    public const string FocalPointChanges = "rm_focal_point_changes";
    public const string DocumentEvents = "rm_document_events";
    public const string DialogueApplications = "rm_dialogue_applications";
    public const string TrainingRegistrations = "rm_training_registrations";
    public const string Recommendations = "recommendations";
    public const string CompilationRevisions = "compilation_revisions";
    public const string Briefings = "briefings";
    public const string SurveyResponses = "survey_responses";
    public const string Rebuilds = "rebuilds";

    /// <summary>The read models the rebuild replaces from the Reviews and Nominations APIs.</summary>
    public static readonly IReadOnlyList<string> RebuiltFromApis = [Reviews, ReviewParties, StageChanges, ReviewLanguages, Nominations, FocalPointChanges];

    public static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
