using ReviewMechanism.ServiceDefaults.Authorization;
using Documents.Api.Application;
using Documents.Api.Application.CountryProfiles;
using Documents.Api.Application.Documents;
using Documents.Api.Domain.Access;
using Documents.Api.Domain.Documents;
using Documents.Tests.Support;
using ReviewMechanism.Events.V1;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Documents.Tests.Application;

[Collection(PostgresCollection.Name)]
public class PublicationAndSearchTests(PostgresFixture postgres)
{
    [Fact]
    public async Task TheSummaryIsPublicOnceTheListOfObservationsIsFinalAndFoundByStemmedWords()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        var (focalPoint, _) = await ReviewWithTransmittedQuestionnaireAsync(h);
        var reviewer = await h.NominateAsync("e-deu", "DEU", NominationRole.GovernmentalExpert, NominationScopeKind.AsReviewer);

        var summary = await ClearedAsync(h, reviewer, focalPoint, DocumentKind.Summary, Contents.Summary("Austria criminalizes trafficking in persons and the laundering of proceeds of crime."));
        summary = await h.Commands(c => c.TransmitAsync(DocumentsHarness.Secretariat, summary.Document.Id, summary.Document.Revision, default));
        Assert.Equal(0, summary.Document.PublishedVersion);
        var list = await ClearedAsync(h, reviewer, focalPoint, DocumentKind.ListOfObservations, Contents.Observations("UNTOC-5", "No statistics on convictions.", "Specialized prosecutors.", "Training of judges."));
        await h.Commands(c => c.TransmitAsync(DocumentsHarness.Secretariat, list.Document.Id, list.Document.Revision, default));

        var results = await Search(h, "trafficked persons");
        var hit = Assert.Single(results.Hits);
        Assert.Equal(summary.Document.Id, hit.Document.Document.Id);
        Assert.Contains("[[trafficking]]", hit.Snippet, StringComparison.Ordinal);
        var events = await h.OutboxAsync();
        Assert.Single(events.OfType<ListOfObservationsFinalized>(), e => e is { GapsAndChallenges: 1, GoodPractices: 1, TechnicalAssistanceNeeds: 1 });
        Assert.Single(events.OfType<SummaryPublished>(), e => e.DocumentId == summary.Document.Id.ToString());
        var profile = await h.RunAsync<CountryProfiles, CountryProfile>(p => p.GetAsync("aut", default));
        Assert.Equal([summary.Document.Id], profile.Documents.Select(d => d.Document.Id));
    }

    [Fact]
    public async Task ATranslationOfThePublishedSummaryIsSearchedInItsOwnLanguage()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        var (focalPoint, _) = await ReviewWithTransmittedQuestionnaireAsync(h);
        var reviewer = await h.NominateAsync("e-deu", "DEU", NominationRole.GovernmentalExpert, NominationScopeKind.AsReviewer);
        var summary = await ClearedAsync(h, reviewer, focalPoint, DocumentKind.Summary, Contents.Summary("Money laundering is an offence."));
        await h.Commands(c => c.TransmitAsync(focalPoint, summary.Document.Id, summary.Document.Revision, default));
        var list = await ClearedAsync(h, reviewer, focalPoint, DocumentKind.ListOfObservations, Contents.Observations("UNTOC-6", "Gap.", "Practice.", "Need."));
        await h.Commands(c => c.TransmitAsync(focalPoint, list.Document.Id, list.Document.Revision, default));

        var french = await h.Commands(c => c.CreateAsync(DocumentsHarness.Secretariat, new CreateDocument("", "AUT-C1", null, "", "fr", summary.Document.Id, null, Contents.Summary("Le blanchiment d'argent est une infraction pénale.")), default));
        french = await h.Commands(c => c.SubmitAsync(DocumentsHarness.Secretariat, french.Document.Id, french.Document.Revision, default));
        french = await h.Commands(c => c.ClearAsync(focalPoint, french.Document.Id, french.Document.Revision, default));
        french = await h.Commands(c => c.TransmitAsync(DocumentsHarness.Secretariat, french.Document.Id, french.Document.Revision, default));

        Assert.True(french.Document.PublishedVersion > 0);
        var hit = Assert.Single((await Search(h, "infractions", language: "fr")).Hits);
        Assert.Equal(french.Document.Id, hit.Document.Document.Id);
        Assert.Empty((await Search(h, "infractions", language: "en")).Hits);
    }

    [Fact]
    public async Task Para41PublicationIsTheFocalPointsActAfterTheReviewAndOnlyTheTransmittedTextBecomesPublic()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        var (focalPoint, saq) = await ReviewWithTransmittedQuestionnaireAsync(h);
        var expert = await h.NominateAsync("e1-aut", "AUT", NominationRole.GovernmentalExpert);

        var early = await Assert.ThrowsAsync<DomainException>(() => h.Commands(c => c.PublishAsync(focalPoint, saq, default)));
        await h.MoveReviewAsync("AUT-C1", "COMPLETED");
        var denied = await Assert.ThrowsAsync<DomainException>(() => h.Commands(c => c.PublishAsync(expert, saq, default)));
        var published = await h.Commands(c => c.PublishAsync(focalPoint, saq, default));
        await h.Commands(c => c.SaveDraftAsync(expert, saq, published.Document.Revision, Contents.Questionnaire(("UNTOC-5", AnswerChoice.Yes, "A confidential zanzibarian draft.")), "", default));

        Assert.Equal("REVIEW_NOT_COMPLETED", early.Code);
        Assert.Equal(DomainErrorKind.PermissionDenied, denied.Kind);
        Assert.Single((await Search(h, "section 278a", party: "AUT")).Hits);
        Assert.Empty((await Search(h, "section 278a", party: "DEU")).Hits);
        Assert.Empty((await Search(h, "zanzibarian")).Hits);
        var anonymous = await h.RunAsync<DocumentReader, DocumentView>(r => r.GetAsync(Caller.Anonymous, saq, 0, default));
        Assert.Equal(1, anonymous.Version!.Number);
        Assert.Single((await h.OutboxAsync()).OfType<DocumentPublished>(), e => e is { Kind: "SELF_ASSESSMENT_QUESTIONNAIRE", Party: "AUT" });
    }

    [Fact]
    public async Task ThePartyUnderReviewDoesNotPublishTheReviewersFeedback()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        var (focalPoint, _) = await ReviewWithTransmittedQuestionnaireAsync(h);
        var reviewerFocalPoint = await h.NominateAsync("fp-deu", "DEU", NominationRole.FocalPoint, NominationScopeKind.AsReviewer);
        var feedback = await ClearedAsync(h, reviewerFocalPoint, reviewerFocalPoint, DocumentKind.WrittenFeedback, Contents.Feedback(("UNTOC-5", "Thorough.", "")));
        await h.Commands(c => c.TransmitAsync(reviewerFocalPoint, feedback.Document.Id, feedback.Document.Revision, default));
        await h.MoveReviewAsync("AUT-C1", "COMPLETED");

        var error = await Assert.ThrowsAsync<DomainException>(() => h.Commands(c => c.PublishAsync(focalPoint, feedback.Document.Id, default)));

        Assert.Equal(DomainErrorKind.PermissionDenied, error.Kind);
        Assert.Single((await h.OutboxAsync()).OfType<WrittenFeedbackTransmitted>(), e => e is { Party: "DEU", PartyUnderReview: "AUT", Comments: 1 });
    }

    [Fact]
    public async Task ASearchWithoutWordsIsAClearError()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);

        var error = await Assert.ThrowsAsync<DomainException>(() => Search(h, "  "));

        Assert.Equal("query", error.Violations.Single().Field);
    }

    private static async Task<(Caller FocalPoint, Guid Questionnaire)> ReviewWithTransmittedQuestionnaireAsync(DocumentsHarness h)
    {
        await h.OpenReviewAsync("AUT-C1", "AUT", "DEU", "BRA");
        var focalPoint = await h.NominateAsync("fp-aut", "AUT", NominationRole.FocalPoint);
        return (focalPoint, await DocumentWorkflowUseCaseTests.TransmitQuestionnaireAsync(h, focalPoint));
    }

    private static async Task<DocumentView> ClearedAsync(DocumentsHarness h, Caller writer, Caller focalPoint, DocumentKind kind, DocumentContent content)
    {
        var doc = await h.Commands(c => c.CreateAsync(writer, new CreateDocument("", "AUT-C1", kind, "", "en", null, null, content), default));
        doc = await h.Commands(c => c.SubmitAsync(writer, doc.Document.Id, doc.Document.Revision, default));
        return await h.Commands(c => c.ClearAsync(focalPoint, doc.Document.Id, doc.Document.Revision, default));
    }

    private static Task<SearchResults> Search(DocumentsHarness h, string query, string party = "", string language = "") =>
        h.RunAsync<CountryProfiles, SearchResults>(p => p.SearchAsync(query, party, language, 0, "", default));
}
