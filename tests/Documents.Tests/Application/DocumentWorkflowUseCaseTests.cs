using ReviewMechanism.ServiceDefaults.Authorization;
using Documents.Api.Application;
using Documents.Api.Application.Documents;
using Documents.Api.Domain.Access;
using Documents.Api.Domain.Documents;
using Documents.Tests.Support;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Events.V1;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Documents.Tests.Application;

[Collection(PostgresCollection.Name)]
public class DocumentWorkflowUseCaseTests(PostgresFixture postgres)
{
    [Fact]
    public async Task TwoExpertsDraftTheQuestionnaireTheFocalPointClearsAndTransmitsItAndTheEventIsInTheOutbox()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        await h.OpenReviewAsync("AUT-C1", "AUT", "DEU", "BRA");
        var first = await h.NominateAsync("e1-aut", "AUT", NominationRole.GovernmentalExpert);
        var second = await h.NominateAsync("e2-aut", "AUT", NominationRole.GovernmentalExpert);
        var focalPoint = await h.NominateAsync("fp-aut", "AUT", NominationRole.FocalPoint);
        var reviewer = await h.NominateAsync("e-deu", "DEU", NominationRole.GovernmentalExpert, NominationScopeKind.AsReviewer);

        var created = await h.Commands(c => c.CreateAsync(first, new CreateDocument("r-1", "AUT-C1", DocumentKind.SelfAssessmentQuestionnaire, "", "en", null, null,
            Contents.Questionnaire(("UNTOC-5", AnswerChoice.Yes, "Section 278a of the Criminal Code criminalizes participation."))), default));
        var saved = await h.Commands(c => c.SaveDraftAsync(second, created.Document.Id, created.Document.Revision,
            Contents.Questionnaire(("UNTOC-5", AnswerChoice.Yes, "Section 278a of the Criminal Code criminalizes participation."), ("UNTOC-6", AnswerChoice.Yes, "Section 165 on money laundering.")), "article 6", default));
        var hidden = await Assert.ThrowsAsync<DomainException>(() => h.RunAsync<DocumentReader, DocumentView>(r => r.GetAsync(reviewer, created.Document.Id, 0, default)));
        Assert.Equal(DomainErrorKind.NotFound, hidden.Kind);
        var submitted = await h.Commands(c => c.SubmitAsync(second, saved.Document.Id, saved.Document.Revision, default));
        var cleared = await h.Commands(c => c.ClearAsync(focalPoint, submitted.Document.Id, submitted.Document.Revision, default));
        var transmitted = await h.Commands(c => c.TransmitAsync(focalPoint, cleared.Document.Id, cleared.Document.Revision, default));

        Assert.Equal(DocumentStatus.Transmitted, transmitted.Document.Status);
        Assert.Equal(2, transmitted.Document.TransmittedVersion);
        var seenByReviewer = await h.RunAsync<DocumentReader, DocumentView>(r => r.GetAsync(reviewer, created.Document.Id, 0, default));
        Assert.Equal(2, seenByReviewer.Version!.Number);
        Assert.Empty(seenByReviewer.Steps);
        var sent = Assert.Single((await h.OutboxAsync()).OfType<QuestionnaireTransmitted>());
        Assert.Equal(("AUT-C1", "AUT", 1, 1, "fp-aut", 2, 16), (sent.CountryReviewId, sent.Party, sent.Cluster, sent.Phase, sent.TransmittedBy, sent.ArticlesAnswered, sent.ArticlesTotal));
    }

    [Fact]
    public async Task AStaleSaveIsAbortedAndLosesNothing()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        await h.OpenReviewAsync("AUT-C1", "AUT", "DEU", "BRA");
        var first = await h.NominateAsync("e1-aut", "AUT", NominationRole.GovernmentalExpert);
        var second = await h.NominateAsync("e2-aut", "AUT", NominationRole.GovernmentalExpert);
        var created = await h.Commands(c => c.CreateAsync(first, new CreateDocument("", "AUT-C1", DocumentKind.SelfAssessmentQuestionnaire, "", "en", null, null, DocumentContent.Empty), default));
        await h.Commands(c => c.SaveDraftAsync(first, created.Document.Id, created.Document.Revision, Contents.Questionnaire(("UNTOC-5", AnswerChoice.Yes, "first expert's answer")), "", default));

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Commands(c => c.SaveDraftAsync(second, created.Document.Id, created.Document.Revision, Contents.Questionnaire(("UNTOC-5", AnswerChoice.No, "second expert's stale answer")), "", default)));

        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
        var latest = await h.RunAsync<DocumentReader, DocumentView>(r => r.GetAsync(first, created.Document.Id, 0, default));
        Assert.Equal(2, latest.Version!.Number);
        Assert.Equal("first expert's answer", latest.Version.Content.Entries.Single().Answer!.Explanation);
    }

    [Fact]
    public async Task ConcurrentSavesOfTheSameRevisionStoreOneVersionAndAbortTheOthers()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        await h.OpenReviewAsync("AUT-C1", "AUT", "DEU", "BRA");
        var expert = await h.NominateAsync("e1-aut", "AUT", NominationRole.GovernmentalExpert);
        var created = await h.Commands(c => c.CreateAsync(expert, new CreateDocument("", "AUT-C1", DocumentKind.SelfAssessmentQuestionnaire, "", "en", null, null, DocumentContent.Empty), default));

        var attempts = Enumerable.Range(0, 6).Select(i => Outcome(() => h.Commands(c => c.SaveDraftAsync(expert, created.Document.Id, 1, Contents.Questionnaire(("UNTOC-5", AnswerChoice.Yes, $"answer {i}")), "", default)))).ToList();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(o => o is null));
        Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal(DomainErrorKind.Conflict, o!.Kind));
        Assert.Equal(2, await h.DbAsync(db => db.Versions.CountAsync(v => v.DocumentId == created.Document.Id)));
    }

    [Fact]
    public async Task TheFocalPointReturnsWithCommentsTheExpertsReviseAndTheDiffShowsWhatChanged()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        await h.OpenReviewAsync("AUT-C1", "AUT", "DEU", "BRA");
        var expert = await h.NominateAsync("e1-aut", "AUT", NominationRole.GovernmentalExpert);
        var focalPoint = await h.NominateAsync("fp-aut", "AUT", NominationRole.FocalPoint);
        var doc = await h.Commands(c => c.CreateAsync(expert, new CreateDocument("", "AUT-C1", DocumentKind.SelfAssessmentQuestionnaire, "", "en", null, null, Contents.Questionnaire(("UNTOC-5", AnswerChoice.Partially, "Under discussion."))), default));
        doc = await h.Commands(c => c.SubmitAsync(expert, doc.Document.Id, doc.Document.Revision, default));

        Assert.Equal(DomainErrorKind.PermissionDenied, (await Assert.ThrowsAsync<DomainException>(() => h.Commands(c => c.ClearAsync(expert, doc.Document.Id, doc.Document.Revision, default)))).Kind);
        doc = await h.Commands(c => c.ReturnAsync(focalPoint, doc.Document.Id, doc.Document.Revision, "Article 5 is fully implemented since 2019.", default));
        doc = await h.Commands(c => c.SaveDraftAsync(expert, doc.Document.Id, doc.Document.Revision, Contents.Questionnaire(("UNTOC-5", AnswerChoice.Yes, "Section 278a, amended 2019.")), "per the focal point", default));
        var (_, _, changes) = await h.RunAsync<DocumentReader, (DocumentVersion, DocumentVersion, IReadOnlyList<FieldChange>)>(r => r.DiffAsync(focalPoint, doc.Document.Id, 1, 2, default));

        Assert.Contains(changes, c => c is { ArticleId: "UNTOC-5", Field: "answer", Before: "Partially", After: "Yes" });
        Assert.Equal("Article 5 is fully implemented since 2019.", doc.Steps.Single(s => s.To == DocumentStatus.Returned).Comment);
        var progress = await h.RunAsync<DocumentQueries, ReviewProgress>(q => q.ProgressAsync(expert, "AUT-C1", default));
        Assert.Equal(1, progress.Documents.Single().Done);
        Assert.Equal(16, progress.Documents.Single().Articles.Count);
    }

    [Fact]
    public async Task FeedbackWaitsForTheTransmittedQuestionnaireAndStaysTheReviewersUntilTransmitted()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        await h.OpenReviewAsync("AUT-C1", "AUT", "DEU", "BRA");
        var reviewer = await h.NominateAsync("e-deu", "DEU", NominationRole.GovernmentalExpert, NominationScopeKind.AsReviewer);
        var focalPointAut = await h.NominateAsync("fp-aut", "AUT", NominationRole.FocalPoint);
        var feedback = new CreateDocument("", "AUT-C1", DocumentKind.WrittenFeedback, "", "en", null, null, Contents.Feedback(("UNTOC-5", "Clear.", "Which courts apply section 278a?")));

        var early = await Assert.ThrowsAsync<DomainException>(() => h.Commands(c => c.CreateAsync(reviewer, feedback, default)));
        await TransmitQuestionnaireAsync(h, focalPointAut);
        var created = await h.Commands(c => c.CreateAsync(reviewer, feedback, default));

        Assert.Equal("QUESTIONNAIRE_NOT_TRANSMITTED", early.Code);
        Assert.Equal("DEU", created.Document.Party);
        var list = await h.RunAsync<DocumentQueries, IReadOnlyList<DocumentView>>(q => q.ListAsync(focalPointAut, "AUT-C1", null, default));
        Assert.DoesNotContain(list, v => v.Document.Kind == DocumentKind.WrittenFeedback);
    }

    [Fact]
    public async Task ARetriedCreateWithTheSameRequestIdReturnsTheSameDocument()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        await h.OpenReviewAsync("AUT-C1", "AUT", "DEU", "BRA");
        var expert = await h.NominateAsync("e1-aut", "AUT", NominationRole.GovernmentalExpert);
        var input = new CreateDocument("6b1f0c1e-retry", "AUT-C1", DocumentKind.SelfAssessmentQuestionnaire, "", "en", null, null, DocumentContent.Empty);

        var first = await h.Commands(c => c.CreateAsync(expert, input, default));
        var again = await h.Commands(c => c.CreateAsync(expert, input, default));

        Assert.Equal(first.Document.Id, again.Document.Id);
        Assert.Equal(1, await h.DbAsync(db => db.Documents.CountAsync()));
        Assert.Equal("DOCUMENT_EXISTS", (await Assert.ThrowsAsync<DomainException>(() => h.Commands(c => c.CreateAsync(expert, input with { RequestId = "another" }, default)))).Code);
    }

    [Fact]
    public async Task AnArticleOutsideTheClusterIsRefusedWithTheFieldNamed()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        await h.OpenReviewAsync("AUT-C1", "AUT", "DEU", "BRA");
        var expert = await h.NominateAsync("e1-aut", "AUT", NominationRole.GovernmentalExpert);

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Commands(c => c.CreateAsync(expert, new CreateDocument("", "AUT-C1", DocumentKind.SelfAssessmentQuestionnaire, "", "en", null, null,
            Contents.Questionnaire(("UNTOC-18", AnswerChoice.Yes, "Mutual legal assistance."))), default)));

        Assert.Equal(DomainErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("content.entries[0].article_id", error.Violations.Single().Field);
        Assert.Equal(0, await h.DbAsync(db => db.Documents.CountAsync()));
    }

    [Fact]
    public async Task Para40SharingLetsOtherPartiesExpertsReadTheTransmittedQuestionnaire()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        await h.OpenReviewAsync("AUT-C1", "AUT", "DEU", "BRA");
        var focalPoint = await h.NominateAsync("fp-aut", "AUT", NominationRole.FocalPoint);
        var outsider = await h.NominateAsync("e-fra", "FRA", NominationRole.GovernmentalExpert);
        var saq = await TransmitQuestionnaireAsync(h, focalPoint);

        await Assert.ThrowsAsync<DomainException>(() => h.RunAsync<DocumentReader, DocumentView>(r => r.GetAsync(outsider, saq, 0, default)));
        await h.Commands(c => c.ShareAsync(focalPoint, saq, true, default));
        var read = await h.RunAsync<DocumentReader, DocumentView>(r => r.GetAsync(outsider, saq, 0, default));

        Assert.Equal(ReadLevel.Transmitted, read.Level);
        Assert.Equal([DocumentAction.Read], read.AllowedActions);
    }

    internal static async Task<Guid> TransmitQuestionnaireAsync(DocumentsHarness h, Caller focalPoint)
    {
        var doc = await h.Commands(c => c.CreateAsync(focalPoint, new CreateDocument("", "AUT-C1", DocumentKind.SelfAssessmentQuestionnaire, "", "en", null, null,
            Contents.Questionnaire(("UNTOC-5", AnswerChoice.Yes, "Participation in a criminal organization is an offence under section 278a."))), default));
        doc = await h.Commands(c => c.SubmitAsync(focalPoint, doc.Document.Id, doc.Document.Revision, default));
        doc = await h.Commands(c => c.ClearAsync(focalPoint, doc.Document.Id, doc.Document.Revision, default));
        doc = await h.Commands(c => c.TransmitAsync(focalPoint, doc.Document.Id, doc.Document.Revision, default));
        return doc.Document.Id;
    }

    private static async Task<DomainException?> Outcome(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (DomainException e)
        {
            return e;
        }
    }
}
