using Documents.Api.Domain.Questionnaires;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Documents.Api.Domain.Documents;

/// <summary>What a version of each kind may contain, and when an article counts as done.</summary>
public static class ContentRules
{
    public const int MaxTitleLength = 300;
    public const int MaxTextLength = 100_000;
    public const int MaxListItems = 200;

    /// <summary>INVALID_ARGUMENT listing every wrong field, or nothing.</summary>
    public static void Validate(DocumentKind kind, DocumentContent content, Questionnaire questionnaire)
    {
        var violations = new List<FieldViolation>();
        Text(violations, "content.title", content.Title, MaxTitleLength);
        Text(violations, "content.body", content.Body, MaxTextLength);
        if (!kind.HasArticles() && content.Entries.Count > 0)
        {
            violations.Add(new FieldViolation("content.entries", $"A {kind.Describe()} has no per-article entries; write it in the body."));
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < content.Entries.Count; i++)
        {
            var entry = content.Entries[i];
            var field = $"content.entries[{i}]";
            if (!questionnaire.Contains(entry.ArticleId))
            {
                violations.Add(new FieldViolation($"{field}.article_id", $"'{Cut(entry.ArticleId)}' is not an article of the cluster {questionnaire.Cluster} questionnaire ({string.Join(", ", questionnaire.Articles.Select(a => a.Id))})."));
            }
            else if (!seen.Add(entry.ArticleId))
            {
                violations.Add(new FieldViolation($"{field}.article_id", $"{entry.ArticleId} appears twice; give each article one entry."));
            }
            EntryShape(violations, kind, entry, field);
        }
        if (violations.Count > 0)
        {
            throw DomainException.Invalid(violations);
        }
    }

    /// <summary>An article counts as done when its part for the document's kind says something.</summary>
    public static bool IsDone(ArticleEntry entry) =>
        (entry.Answer is { } a && a.Answer != AnswerChoice.Unspecified && (a.Answer == AnswerChoice.NotApplicable || !string.IsNullOrWhiteSpace(a.Explanation)))
        || (entry.Feedback is { } f && (!string.IsNullOrWhiteSpace(f.Comment) || !string.IsNullOrWhiteSpace(f.RequestForClarification)))
        || (entry.Clarification is { } c && !string.IsNullOrWhiteSpace(c.Answer))
        || (entry.Observation is { } o && (o.GapsAndChallenges.Count + o.GoodPractices.Count + o.Suggestions.Count + o.TechnicalAssistanceNeeds.Count) > 0);

    /// <summary>The articles of the questionnaire that are done in <paramref name="content"/>.</summary>
    public static IReadOnlySet<string> DoneArticles(DocumentContent content) =>
        content.Entries.Where(IsDone).Select(e => e.ArticleId).ToHashSet(StringComparer.Ordinal);

    private static void EntryShape(List<FieldViolation> violations, DocumentKind kind, ArticleEntry entry, string field)
    {
        var parts = new object?[] { entry.Answer, entry.Feedback, entry.Clarification, entry.Observation }.Count(p => p is not null);
        var expected = kind switch
        {
            DocumentKind.SelfAssessmentQuestionnaire => entry.Answer is not null,
            DocumentKind.WrittenFeedback => entry.Feedback is not null,
            DocumentKind.ClarificationAnswers => entry.Clarification is not null,
            DocumentKind.ListOfObservations => entry.Observation is not null,
            _ => false,
        };
        if (parts != 1 || !expected)
        {
            violations.Add(new FieldViolation(field, $"An entry of a {kind.Describe()} holds {Expected(kind)}."));
            return;
        }
        if (entry.Answer is { } answer)
        {
            Text(violations, $"{field}.answer.explanation", answer.Explanation, MaxTextLength);
            Count(violations, $"{field}.answer.legislation", answer.Legislation.Count);
            Count(violations, $"{field}.answer.links", answer.Links.Count);
            for (var j = 0; j < answer.Legislation.Count; j++)
            {
                var cited = answer.Legislation[j];
                if (string.IsNullOrWhiteSpace(cited.Title))
                {
                    violations.Add(new FieldViolation($"{field}.answer.legislation[{j}].title", "Name the law or regulation cited."));
                }
                Text(violations, $"{field}.answer.legislation[{j}].title", cited.Title, MaxTitleLength);
                Text(violations, $"{field}.answer.legislation[{j}].excerpt", cited.Excerpt, MaxTextLength);
            }
            for (var j = 0; j < answer.Links.Count; j++)
            {
                if (!Uri.TryCreate(answer.Links[j], UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    violations.Add(new FieldViolation($"{field}.answer.links[{j}]", $"'{Cut(answer.Links[j])}' is not a web address (http or https)."));
                }
            }
        }
        if (entry.Feedback is { } feedback)
        {
            Text(violations, $"{field}.feedback.comment", feedback.Comment, MaxTextLength);
            Text(violations, $"{field}.feedback.request_for_clarification", feedback.RequestForClarification, MaxTextLength);
        }
        if (entry.Clarification is { } clarification)
        {
            Text(violations, $"{field}.clarification.answer", clarification.Answer, MaxTextLength);
        }
        if (entry.Observation is { } observation)
        {
            foreach (var (name, items) in new[] { ("gaps_and_challenges", observation.GapsAndChallenges), ("good_practices", observation.GoodPractices), ("suggestions", observation.Suggestions), ("technical_assistance_needs", observation.TechnicalAssistanceNeeds) })
            {
                Count(violations, $"{field}.observation.{name}", items.Count);
                for (var j = 0; j < items.Count; j++)
                {
                    Text(violations, $"{field}.observation.{name}[{j}]", items[j], MaxTextLength);
                }
            }
        }
    }

    private static string Expected(DocumentKind kind) => kind switch
    {
        DocumentKind.SelfAssessmentQuestionnaire => "an answer only",
        DocumentKind.WrittenFeedback => "feedback only",
        DocumentKind.ClarificationAnswers => "a clarification only",
        DocumentKind.ListOfObservations => "an observation only",
        _ => "nothing",
    };

    private static void Text(List<FieldViolation> violations, string field, string value, int max)
    {
        if (value.Length > max)
        {
            violations.Add(new FieldViolation(field, $"{value.Length} characters; at most {max}."));
        }
    }

    private static void Count(List<FieldViolation> violations, string field, int count)
    {
        if (count > MaxListItems)
        {
            violations.Add(new FieldViolation(field, $"{count} items; at most {MaxListItems}."));
        }
    }

    private static string Cut(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
