namespace Documents.Api.Domain.Documents;

/// <summary>What one version of a document says. Immutable: a change is a new version.</summary>
public sealed record DocumentContent(string Title, string Body, IReadOnlyList<ArticleEntry> Entries, IReadOnlyList<Guid> FileIds)
{
    public static readonly DocumentContent Empty = new("", "", [], []);
}

/// <summary>One article's part of a document; the part that is set follows the document's kind.</summary>
public sealed record ArticleEntry(
    string ArticleId,
    QuestionnaireAnswer? Answer = null,
    FeedbackItem? Feedback = null,
    ClarificationAnswer? Clarification = null,
    Observation? Observation = null);

public enum AnswerChoice
{
    Unspecified = 0,
    Yes = 1,
    Partially = 2,
    No = 3,
    NotApplicable = 4,
}

public sealed record CitedLegislation(string Title, string Provision, string Excerpt);

public sealed record QuestionnaireAnswer(
    AnswerChoice Answer, string Explanation, IReadOnlyList<CitedLegislation> Legislation, IReadOnlyList<string> Links, IReadOnlyList<Guid> FileIds);

public sealed record FeedbackItem(string Comment, string RequestForClarification);

public sealed record ClarificationAnswer(string Answer, IReadOnlyList<Guid> FileIds);

public sealed record Observation(
    IReadOnlyList<string> GapsAndChallenges, IReadOnlyList<string> GoodPractices, IReadOnlyList<string> Suggestions, IReadOnlyList<string> TechnicalAssistanceNeeds);
