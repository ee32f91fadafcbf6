using Documents.Api.Domain.Documents;
using ReviewMechanism.ServiceDefaults.Errors;
using Proto = ReviewMechanism.Documents.V1;

namespace Documents.Api.Grpc;

/// <summary>Document contents between the contract's messages and the domain's records.</summary>
public static class ContentMapping
{
    public static DocumentContent ToDomain(Proto.DocumentContent? content, string field = "content")
    {
        if (content is null)
        {
            return DocumentContent.Empty;
        }
        var violations = new List<FieldViolation>();
        var entries = content.Entries.Select((e, i) => Entry(e, $"{field}.entries[{i}]", violations)).ToList();
        var files = Ids(content.FileIds, $"{field}.file_ids", violations);
        if (violations.Count > 0)
        {
            throw DomainException.Invalid(violations);
        }
        return new DocumentContent(content.Title.Trim(), content.Body, entries, files);
    }

    public static Proto.DocumentContent ToProto(DocumentContent content)
    {
        var proto = new Proto.DocumentContent { Title = content.Title, Body = content.Body };
        proto.FileIds.AddRange(content.FileIds.Select(i => i.ToString()));
        foreach (var entry in content.Entries)
        {
            var e = new Proto.ArticleEntry { ArticleId = entry.ArticleId };
            if (entry.Answer is { } a)
            {
                e.Answer = new Proto.QuestionnaireAnswer { Answer = (Proto.AnswerChoice)a.Answer, Explanation = a.Explanation };
                e.Answer.Legislation.AddRange(a.Legislation.Select(l => new Proto.CitedLegislation { Title = l.Title, Provision = l.Provision, Excerpt = l.Excerpt }));
                e.Answer.Links.AddRange(a.Links);
                e.Answer.FileIds.AddRange(a.FileIds.Select(i => i.ToString()));
            }
            else if (entry.Feedback is { } f)
            {
                e.Feedback = new Proto.FeedbackItem { Comment = f.Comment, RequestForClarification = f.RequestForClarification };
            }
            else if (entry.Clarification is { } c)
            {
                e.Clarification = new Proto.ClarificationAnswer { Answer = c.Answer };
                e.Clarification.FileIds.AddRange(c.FileIds.Select(i => i.ToString()));
            }
            else if (entry.Observation is { } o)
            {
                e.Observation = new Proto.Observation();
                e.Observation.GapsAndChallenges.AddRange(o.GapsAndChallenges);
                e.Observation.GoodPractices.AddRange(o.GoodPractices);
                e.Observation.Suggestions.AddRange(o.Suggestions);
                e.Observation.TechnicalAssistanceNeeds.AddRange(o.TechnicalAssistanceNeeds);
            }
            proto.Entries.Add(e);
        }
        return proto;
    }

    public static Guid Id(string value, string field) =>
        Guid.TryParse(value, out var id) ? id : throw DomainException.Invalid(field, $"'{Cut(value)}' is not a document or file id (a UUID).");

    public static Guid? OptionalId(string value, string field) => string.IsNullOrWhiteSpace(value) ? null : Id(value, field);

    private static ArticleEntry Entry(Proto.ArticleEntry e, string field, List<FieldViolation> violations) => e.ContentCase switch
    {
        Proto.ArticleEntry.ContentOneofCase.Answer => new ArticleEntry(e.ArticleId.Trim().ToUpperInvariant(), Answer: new QuestionnaireAnswer(
            Enum.IsDefined((AnswerChoice)e.Answer.Answer) ? (AnswerChoice)e.Answer.Answer : AnswerChoice.Unspecified,
            e.Answer.Explanation,
            e.Answer.Legislation.Select(l => new CitedLegislation(l.Title.Trim(), l.Provision.Trim(), l.Excerpt)).ToList(),
            e.Answer.Links.Select(l => l.Trim()).ToList(),
            Ids(e.Answer.FileIds, $"{field}.answer.file_ids", violations))),
        Proto.ArticleEntry.ContentOneofCase.Feedback => new ArticleEntry(e.ArticleId.Trim().ToUpperInvariant(), Feedback: new FeedbackItem(e.Feedback.Comment, e.Feedback.RequestForClarification)),
        Proto.ArticleEntry.ContentOneofCase.Clarification => new ArticleEntry(e.ArticleId.Trim().ToUpperInvariant(), Clarification: new ClarificationAnswer(e.Clarification.Answer, Ids(e.Clarification.FileIds, $"{field}.clarification.file_ids", violations))),
        Proto.ArticleEntry.ContentOneofCase.Observation => new ArticleEntry(e.ArticleId.Trim().ToUpperInvariant(), Observation: new Observation(
            Items(e.Observation.GapsAndChallenges), Items(e.Observation.GoodPractices), Items(e.Observation.Suggestions), Items(e.Observation.TechnicalAssistanceNeeds))),
        _ => new ArticleEntry(e.ArticleId.Trim().ToUpperInvariant()),
    };

    private static List<string> Items(IEnumerable<string> items) => items.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToList();

    private static List<Guid> Ids(IEnumerable<string> values, string field, List<FieldViolation> violations)
    {
        var ids = new List<Guid>();
        foreach (var value in values)
        {
            if (Guid.TryParse(value, out var id))
            {
                ids.Add(id);
            }
            else
            {
                violations.Add(new FieldViolation(field, $"'{Cut(value)}' is not a file id (a UUID)."));
            }
        }
        return ids;
    }

    private static string Cut(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
