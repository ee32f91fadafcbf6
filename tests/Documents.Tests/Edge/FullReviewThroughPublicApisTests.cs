using Documents.Tests.Support;
using Documents.Tests.Support.Edge;
using Grpc.Core;
using ReviewMechanism.Documents.V1;
using ReviewMechanism.Nominations.V1;
using ReviewMechanism.Reviews.V1;
using Xunit.Abstractions;
using NominationRole = ReviewMechanism.Events.V1.NominationRole;
using NominationScope = ReviewMechanism.Events.V1.NominationScope;
using NominationScopeKind = ReviewMechanism.Events.V1.NominationScopeKind;

namespace Documents.Tests.Edge;

/// <summary>
/// One country review from the drawing of lots to the published summary, through the gateway's public gRPC only:
/// Reviews, Nominations and Documents as their own processes over real RabbitMQ. The Documents service learns of
/// the review and the people from Reviews' and Nominations' events; Reviews moves the review's stage on Documents'
/// events; the summary is found by the public search without sign-in.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class FullReviewThroughPublicApisTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task AReviewsDocumentsAreWrittenClearedAndTransmittedAndMoveItsStagesUntilTheSummaryIsFoundByThePublicSearch()
    {
        await using var m = await MechanismInMiniature.StartAsync(postgres, output);
        var secretariat = m.Secretariat();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // The Secretariat draws lots; the first review of group 1.
        await m.ReviewsApi.SplitIntoGroupsAsync(new SplitIntoGroupsRequest { Seed = 2026, FirstGroupStart = Day(today) }, secretariat);
        var draw = await m.ReviewsApi.DrawPairingsAsync(new DrawPairingsRequest { GroupNumber = 1, Seed = 1 }, secretariat);
        var reviewId = draw.CountryReviewIds[0];
        var review = await m.ReviewsApi.GetCountryReviewAsync(new GetCountryReviewRequest { CountryReviewId = reviewId }, secretariat);
        var underReview = review.PartyUnderReview;
        var reviewers = review.Participants.Where(p => p.Iso3 != underReview).Select(p => p.Iso3).ToList();

        // Nominations: the focal point and two experts of the party under review; a focal point and an expert per reviewer.
        var focalPoint = await NominateAsync(m, underReview, NominationRole.FocalPoint, NominationScopeKind.OwnReview, "fp");
        var expert1 = await NominateAsync(m, underReview, NominationRole.GovernmentalExpert, NominationScopeKind.OwnReview, "expert1");
        var expert2 = await NominateAsync(m, underReview, NominationRole.GovernmentalExpert, NominationScopeKind.OwnReview, "expert2");
        var reviewerTeams = new List<(Nomination FocalPoint, Nomination Expert)>();
        foreach (var reviewer in reviewers)
        {
            reviewerTeams.Add((
                await NominateAsync(m, reviewer, NominationRole.FocalPoint, NominationScopeKind.AsReviewer, "fp"),
                await NominateAsync(m, reviewer, NominationRole.GovernmentalExpert, NominationScopeKind.AsReviewer, "expert")));
        }
        await StageAsync(m, reviewId, ReviewStage.PreliminaryConsultation);
        var consulted = await m.ReviewsApi.RecordPreliminaryConsultationAsync(new RecordPreliminaryConsultationRequest
        {
            CountryReviewId = reviewId, HeldOn = Day(today), Participants = { reviewers.Prepend(underReview) }, Languages = { Language.English },
            AgreedTimeFrames = "Questionnaire within six months; written feedback six months after.",
        }, secretariat);
        Assert.Equal(ReviewStage.SelfAssessmentQuestionnaire, consulted.Stage);
        var articles = (await m.DocumentsApi.GetQuestionnaireAsync(new GetQuestionnaireRequest { Cluster = review.Cluster }, m.PersonOf(expert1))).Articles;

        // The questionnaire: the first expert starts it (once Documents has heard of the review and of her), the second adds an article.
        var saq = await EventuallyAsync(() => m.DocumentsApi.CreateDocumentAsync(new CreateDocumentRequest
        {
            RequestId = "saq-1", CountryReviewId = reviewId, Kind = DocumentKind.SelfAssessmentQuestionnaire, Language = "en",
            Content = new DocumentContent { Title = $"Self-assessment questionnaire of {underReview}", Entries = { Answer(articles[0].Id, "Section 278 of the Criminal Code criminalizes participation in an organized criminal group.") } },
        }, m.PersonOf(expert1)).ResponseAsync);
        var byExpert2 = await EventuallyAsync(() => m.DocumentsApi.SaveDraftAsync(new SaveDraftRequest
        {
            DocumentId = saq.Id, ExpectedRevision = saq.Revision, ChangeNote = "Article on money laundering",
            Content = new DocumentContent
            {
                Title = saq.Content.Title,
                Entries = { saq.Content.Entries, Answer(articles[1].Id, "The Anti-Money Laundering Act covers the laundering of proceeds of every serious crime.") },
            },
        }, m.PersonOf(expert2)).ResponseAsync);
        var versions = await m.DocumentsApi.ListVersionsAsync(new ListVersionsRequest { DocumentId = saq.Id }, m.PersonOf(focalPoint));
        Assert.Equal([expert1.PersonId, expert2.PersonId], versions.Versions.Select(v => v.Author));
        var progress = await m.DocumentsApi.GetReviewProgressAsync(new GetReviewProgressRequest { CountryReviewId = reviewId }, m.PersonOf(focalPoint));
        Assert.Equal(2, progress.Documents.Single(d => d.DocumentId == saq.Id).ArticlesDone);
        var hiddenFromReviewer = await Assert.ThrowsAsync<RpcException>(() => m.DocumentsApi.GetDocumentAsync(new GetDocumentRequest { DocumentId = saq.Id }, m.PersonOf(reviewerTeams[0].Expert)).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, hiddenFromReviewer.StatusCode);

        // Cleared by the focal point, transmitted: Reviews moves to the written feedback.
        var submitted = await m.DocumentsApi.SubmitForClearanceAsync(new WorkflowRequest { DocumentId = saq.Id, ExpectedRevision = byExpert2.Revision }, m.PersonOf(expert2));
        var transmitted = await ClearAndTransmitAsync(m, submitted, focalPoint);
        Assert.Equal(DocumentStatus.Transmitted, transmitted.Status);
        await StageAsync(m, reviewId, ReviewStage.WrittenFeedback);
        var seenByReviewer = await m.DocumentsApi.GetDocumentAsync(new GetDocumentRequest { DocumentId = saq.Id }, m.PersonOf(reviewerTeams[0].Expert));
        Assert.Equal(2, seenByReviewer.Content.Entries.Count);

        // Each reviewing party's written feedback: Reviews moves to the list of observations.
        foreach (var (reviewerFocalPoint, reviewerExpert) in reviewerTeams)
        {
            var feedback = await m.DocumentsApi.CreateDocumentAsync(new CreateDocumentRequest
            {
                RequestId = $"feedback-{reviewerExpert.Party}", CountryReviewId = reviewId, Kind = DocumentKind.WrittenFeedback, Language = "en",
                Content = new DocumentContent
                {
                    Title = $"Written feedback of {reviewerExpert.Party}",
                    Entries = { new ArticleEntry { ArticleId = articles[0].Id, Feedback = new FeedbackItem { Comment = "Clear and complete.", RequestForClarification = "Please give an example of a conviction." } } },
                },
            }, m.PersonOf(reviewerExpert));
            feedback = await m.DocumentsApi.SubmitForClearanceAsync(new WorkflowRequest { DocumentId = feedback.Id, ExpectedRevision = feedback.Revision }, m.PersonOf(reviewerExpert));
            await ClearAndTransmitAsync(m, feedback, reviewerFocalPoint);
        }
        await StageAsync(m, reviewId, ReviewStage.ListOfObservationsAndSummary);

        // The list of observations (finalized: Reviews completes the review) and its summary (then public by itself).
        var observations = await m.DocumentsApi.CreateDocumentAsync(new CreateDocumentRequest
        {
            RequestId = "observations", CountryReviewId = reviewId, Kind = DocumentKind.ListOfObservations, Language = "en",
            Content = new DocumentContent
            {
                Title = "List of observations",
                Entries =
                {
                    new ArticleEntry
                    {
                        ArticleId = articles[0].Id,
                        Observation = new Observation
                        {
                            GapsAndChallenges = { "Few convictions for participation in an organized criminal group." },
                            GoodPractices = { "A specialized prosecution office." },
                            TechnicalAssistanceNeeds = { "Training of judges on financial investigations." },
                        },
                    },
                },
            },
        }, m.PersonOf(reviewerTeams[0].Expert));
        observations = await m.DocumentsApi.SubmitForClearanceAsync(new WorkflowRequest { DocumentId = observations.Id, ExpectedRevision = observations.Revision }, m.PersonOf(expert1));
        await ClearAndTransmitAsync(m, observations, focalPoint);
        var summary = await m.DocumentsApi.CreateDocumentAsync(new CreateDocumentRequest
        {
            RequestId = "summary", CountryReviewId = reviewId, Kind = DocumentKind.Summary, Language = "en",
            Content = new DocumentContent
            {
                Title = $"Summary of the review of {underReview}",
                Body = "The reviewers commended the specialized prosecution office and recommended training judges in financial investigations of laundered proceeds.",
            },
        }, m.PersonOf(focalPoint));
        summary = await m.DocumentsApi.SubmitForClearanceAsync(new WorkflowRequest { DocumentId = summary.Id, ExpectedRevision = summary.Revision }, m.PersonOf(focalPoint));
        var published = await ClearAndTransmitAsync(m, summary, focalPoint);
        Assert.True(published.PublishedVersion > 0, "the summary was not published once it and the list were final");
        var completed = await StageAsync(m, reviewId, ReviewStage.Completed);
        Assert.Equal(
            [ReviewStage.PreliminaryConsultation, ReviewStage.SelfAssessmentQuestionnaire, ReviewStage.WrittenFeedback, ReviewStage.ListOfObservationsAndSummary, ReviewStage.Completed],
            completed.History.Select(h => h.To));

        // Anyone finds it: the public search (no token), and the party's country profile.
        var found = await m.ProfilesApi.SearchPublishedAsync(new SearchPublishedRequest { Query = "\"financial investigations\" judges" });
        var hit = Assert.Single(found.Hits);
        Assert.Equal(summary.Id, hit.Document.DocumentId);
        Assert.Contains("[[", hit.Snippet, StringComparison.Ordinal);
        var profile = await m.ProfilesApi.GetCountryProfileAsync(new ReviewMechanism.Documents.V1.GetCountryProfileRequest { Party = underReview });
        Assert.Equal([summary.Id], profile.Documents.Select(d => d.DocumentId));
        var draftsStayConfidential = await m.ProfilesApi.SearchPublishedAsync(new SearchPublishedRequest { Query = "\"Anti-Money Laundering Act\"" });
        Assert.Empty(draftsStayConfidential.Hits);
    }

    private static async Task<Nomination> NominateAsync(MechanismInMiniature m, string party, NominationRole role, NominationScopeKind scope, string tag) =>
        (await m.NominationsApi.NominateAsync(new NominateRequest
        {
            Party = party, Role = role, Scope = new NominationScope { Kind = scope },
            Person = new PersonDetails { FullName = $"{tag} of {party}", Title = "Ms.", Gender = Gender.Female, Email = $"{tag}.{party}@example.org".ToLowerInvariant(), Affiliation = "Ministry of Justice" },
        }, m.Secretariat())).Nomination;

    private static ArticleEntry Answer(string article, string explanation) => new()
    {
        ArticleId = article,
        Answer = new QuestionnaireAnswer { Answer = AnswerChoice.Yes, Explanation = explanation, Legislation = { new CitedLegislation { Title = "Criminal Code", Provision = "Section 278" } } },
    };

    private static async Task<Document> ClearAndTransmitAsync(MechanismInMiniature m, Document submitted, Nomination focalPoint)
    {
        var cleared = await m.DocumentsApi.ClearDocumentAsync(new WorkflowRequest { DocumentId = submitted.Id, ExpectedRevision = submitted.Revision }, m.PersonOf(focalPoint));
        return await m.DocumentsApi.TransmitDocumentAsync(new WorkflowRequest { DocumentId = cleared.Id, ExpectedRevision = cleared.Revision }, m.PersonOf(focalPoint));
    }

    private static async Task<CountryReview> StageAsync(MechanismInMiniature m, string reviewId, ReviewStage stage)
    {
        var until = DateTime.UtcNow + Soon;
        while (true)
        {
            var review = await m.ReviewsApi.GetCountryReviewAsync(new GetCountryReviewRequest { CountryReviewId = reviewId }, m.Secretariat());
            if (review.Stage == stage)
            {
                return review;
            }
            Assert.True(DateTime.UtcNow < until, $"review {reviewId} is at {review.Stage}, not {stage}, after {Soon.TotalSeconds} s\n{m.Logs}");
            await Task.Delay(250);
        }
    }

    /// <summary>Retries while Documents has not yet heard (through RabbitMQ) of the review or of the caller's nomination.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> call)
    {
        var until = DateTime.UtcNow + Soon;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.PermissionDenied && DateTime.UtcNow < until)
            {
                await Task.Delay(250);
            }
        }
    }

    private static ReviewMechanism.Reviews.V1.Date Day(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };
}
