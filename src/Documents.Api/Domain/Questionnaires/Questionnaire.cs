namespace Documents.Api.Domain.Questionnaires;

/// <summary>
/// A cluster's self-assessment questionnaire: the articles answered, in order. <see cref="Confirmed"/> is false for
/// an article list not yet checked against resolution 9/1 (kept as data, editable without a code change).
/// </summary>
public sealed record Questionnaire(int Cluster, int Phase, string Subject, bool Confirmed, IReadOnlyList<QuestionnaireArticle> Articles)
{
    public bool Contains(string articleId) => Articles.Any(a => a.Id == articleId);
}
