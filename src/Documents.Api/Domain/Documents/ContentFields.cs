namespace Documents.Api.Domain.Documents;

/// <summary>One field of a document's content as text: what diffs compare and full-text search indexes.</summary>
public sealed record ContentField(string ArticleId, string Field, string Value);

public static class ContentFields
{
    /// <summary>Every non-empty field of <paramref name="content"/>, document fields first, then article by article.</summary>
    public static IEnumerable<ContentField> Flatten(DocumentContent content)
    {
        var fields = new List<ContentField>();
        Add(fields, "", "title", content.Title);
        Add(fields, "", "body", content.Body);
        Add(fields, "", "file_ids", Ids(content.FileIds));
        foreach (var entry in content.Entries)
        {
            var a = entry.ArticleId;
            if (entry.Answer is { } answer)
            {
                Add(fields, a, "answer", answer.Answer == AnswerChoice.Unspecified ? "" : answer.Answer.ToString());
                Add(fields, a, "explanation", answer.Explanation);
                Add(fields, a, "legislation", string.Join("\n", answer.Legislation.Select(l => string.Join(" | ", new[] { l.Title, l.Provision, l.Excerpt }.Where(s => s.Length > 0)))));
                Add(fields, a, "links", string.Join("\n", answer.Links));
                Add(fields, a, "file_ids", Ids(answer.FileIds));
            }
            if (entry.Feedback is { } feedback)
            {
                Add(fields, a, "comment", feedback.Comment);
                Add(fields, a, "request_for_clarification", feedback.RequestForClarification);
            }
            if (entry.Clarification is { } clarification)
            {
                Add(fields, a, "clarification", clarification.Answer);
                Add(fields, a, "file_ids", Ids(clarification.FileIds));
            }
            if (entry.Observation is { } observation)
            {
                Add(fields, a, "gaps_and_challenges", string.Join("\n", observation.GapsAndChallenges));
                Add(fields, a, "good_practices", string.Join("\n", observation.GoodPractices));
                Add(fields, a, "suggestions", string.Join("\n", observation.Suggestions));
                Add(fields, a, "technical_assistance_needs", string.Join("\n", observation.TechnicalAssistanceNeeds));
            }
        }
        return fields;
    }

    /// <summary>The words a reader searches for (ids and links left out).</summary>
    public static string SearchableText(DocumentContent content) =>
        string.Join("\n", Flatten(content).Where(f => f.Field is not ("file_ids" or "links")).Select(f => f.Value));

    /// <summary>Every file a version refers to (its own list and its answers').</summary>
    public static IReadOnlySet<Guid> ReferencedFiles(DocumentContent content) =>
        content.FileIds
            .Concat(content.Entries.SelectMany(e => (e.Answer?.FileIds ?? []).Concat(e.Clarification?.FileIds ?? [])))
            .ToHashSet();

    private static void Add(List<ContentField> fields, string article, string field, string value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            fields.Add(new ContentField(article, field, value));
        }
    }

    private static string Ids(IReadOnlyList<Guid> ids) => string.Join(", ", ids.Select(i => i.ToString()));
}
