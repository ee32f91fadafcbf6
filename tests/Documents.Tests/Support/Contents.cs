using Documents.Api.Domain.Documents;

namespace Documents.Tests.Support;

/// <summary>Document contents for the tests, in the words of a real questionnaire.</summary>
public static class Contents
{
    public static DocumentContent Questionnaire(params (string Article, AnswerChoice Choice, string Explanation)[] answers) =>
        new("Self-assessment questionnaire of Austria, cluster 1", "", answers.Select(a => new ArticleEntry(a.Article, Answer: new QuestionnaireAnswer(a.Choice, a.Explanation, [new CitedLegislation("Criminal Code", "Section 278", "")], ["https://www.ris.bka.gv.at/"], []))).ToList(), []);

    public static DocumentContent Feedback(params (string Article, string Comment, string Request)[] items) =>
        new("Written feedback", "", items.Select(i => new ArticleEntry(i.Article, Feedback: new FeedbackItem(i.Comment, i.Request))).ToList(), []);

    public static DocumentContent Observations(string article, string gap, string practice, string need) =>
        new("List of observations", "", [new ArticleEntry(article, Observation: new Observation([gap], [practice], [], [need]))], []);

    public static DocumentContent Summary(string text) => new("Summary of the list of observations", text, [], []);
}
