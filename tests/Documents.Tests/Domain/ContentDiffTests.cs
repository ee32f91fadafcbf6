using Documents.Api.Domain.Documents;

namespace Documents.Tests.Domain;

public class ContentDiffTests
{
    [Fact]
    public void TheDiffNamesEachChangedAddedAndRemovedFieldByArticle()
    {
        var before = new DocumentContent("SAQ", "", [
            Answer("UNTOC-5", AnswerChoice.Partially, "Section 278 of the Criminal Code."),
            Answer("UNTOC-6", AnswerChoice.Yes, "Section 165."),
        ], []);
        var after = new DocumentContent("SAQ", "", [
            Answer("UNTOC-5", AnswerChoice.Yes, "Section 278 of the Criminal Code, as amended in 2019."),
            Answer("UNTOC-8", AnswerChoice.Yes, "Sections 304 to 309."),
        ], []);

        var changes = ContentDiff.Between(before, after);

        Assert.Contains(changes, c => c is { ArticleId: "UNTOC-5", Field: "answer", Kind: ChangeKind.Changed, Before: "Partially", After: "Yes" });
        Assert.Contains(changes, c => c is { ArticleId: "UNTOC-5", Field: "explanation", Kind: ChangeKind.Changed } && c.After.EndsWith("2019.", StringComparison.Ordinal));
        Assert.Contains(changes, c => c is { ArticleId: "UNTOC-8", Field: "explanation", Kind: ChangeKind.Added });
        Assert.Contains(changes, c => c is { ArticleId: "UNTOC-6", Field: "explanation", Kind: ChangeKind.Removed, Before: "Section 165." });
        Assert.DoesNotContain(changes, c => c.Field == "title");
    }

    [Fact]
    public void TwoEqualVersionsHaveNoDifference() =>
        Assert.Empty(ContentDiff.Between(new DocumentContent("t", "b", [Answer("UNTOC-5", AnswerChoice.No, "x")], []), new DocumentContent("t", "b", [Answer("UNTOC-5", AnswerChoice.No, "x")], [])));

    private static ArticleEntry Answer(string article, AnswerChoice choice, string explanation) =>
        new(article, Answer: new QuestionnaireAnswer(choice, explanation, [], [], []));
}
