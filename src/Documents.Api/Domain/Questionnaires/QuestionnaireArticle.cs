namespace Documents.Api.Domain.Questionnaires;

/// <summary>An article of an instrument under review in a cluster; <see cref="Id"/> is its stable key ("UNTOC-5").</summary>
public sealed record QuestionnaireArticle(string Instrument, string Article, string Title)
{
    public string Id => $"{Instrument}-{Article}";
}
