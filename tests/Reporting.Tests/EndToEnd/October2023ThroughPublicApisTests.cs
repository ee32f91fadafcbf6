using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Reporting.Tests.EndToEnd.Support;
using Reporting.Tests.Support;
using ReviewMechanism.Documents.V1;
using ReviewMechanism.Nominations.V1;
using ReviewMechanism.Reporting.V1;
using ReviewMechanism.Reviews.V1;
using Xunit.Abstractions;
using Xunit.Sdk;
using NominationRole = ReviewMechanism.Events.V1.NominationRole;
using NominationScopeKind = ReviewMechanism.Events.V1.NominationScopeKind;

namespace Reporting.Tests.EndToEnd;

/// <summary>
/// Issue 13's must-show: the October 2023 data set entered only through the public gRPC APIs of Reviews, Nominations
/// and Documents (through the gateway, services as their own processes over a real RabbitMQ), RabbitMQ stopped and
/// started again while the nominations are entered; Reporting's report then gives the slides' figures, and again
/// after a full rebuild of its read models from the services' APIs.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class October2023ThroughPublicApisTests(ServersFixture servers, ITestOutputHelper output)
{
    private static readonly TimeSpan Soon = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task TheOctober2023DataSetEnteredThroughThePublicApisAcrossARabbitMqRestartGivesTheSlidesFiguresAlsoAfterARebuild()
    {
        var clock = Stopwatch.StartNew();
        await using var m = await ServicesBehindGateway.StartAsync(servers);
        Log(clock, "services started");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // The drawing of lots: the 189 parties were split into groups of 62, 63 and 64 at a session of the Conference;
        // the secretariat records that split as drawn, then each group's reviewers are drawn (the reviews open).
        var parties = (await m.Reviews.ListPartiesAsync(new ListPartiesRequest { PartyTo = Instrument.Untoc }, m.Secretariat())).Parties;
        var participants = parties.Select(p => p.Iso3).Order(StringComparer.Ordinal).Take(189).ToList();
        // The groups started a year apart, the last a year ago (as in 2023): every consultation can be held today.
        var split = await m.Reviews.RecordGroupSplitAsync(new RecordGroupSplitRequest
        {
            Groups = { SessionGroups(participants) }, Reference = "CTOC/COP/2020/10 (drawing of lots at the tenth session)",
            GroupStartDates = { Day(today.AddYears(-3)), Day(today.AddYears(-2)), Day(today.AddYears(-1)) },
        }, m.Secretariat());
        Assert.Equal([62, 63, 64], split.Groups.Select(g => g.PartiesUnderReview.Count));
        Assert.Equal(ReviewMechanism.Reviews.V1.DrawKind.RecordedGroupSplit, split.Draw.Kind);
        for (var group = 1; group <= 3; group++)
        {
            await m.Reviews.DrawPairingsAsync(new DrawPairingsRequest { GroupNumber = group, Seed = (ulong)group }, m.Secretariat());
        }
        var reviews = (await m.Reviews.ListCountryReviewsAsync(new ListCountryReviewsRequest(), m.Secretariat())).Reviews.ToList();
        Assert.Equal(189, reviews.Count);
        var plan = October2023Plan.For(reviews);
        Log(clock, "groups split and pairings drawn");

        // 1,299 nominations; RabbitMQ stops after the first half and starts again after another quarter.
        var requests = October2023Nominations.For(plan, reviews);
        var nominated = new ConcurrentBag<Nomination>();
        await NominateAsync(m, requests.GetRange(0, 650), nominated);
        await m.RabbitMq.StopAsync();
        Log(clock, "RabbitMQ stopped");
        await NominateAsync(m, requests.GetRange(650, 325), nominated);
        await m.RabbitMq.StartProcessAsync();
        Log(clock, "RabbitMQ started again");
        await NominateAsync(m, requests.GetRange(975, requests.Count - 975), nominated);
        Log(clock, "1,299 nominations entered");

        // Every review whose parties all have a focal point moves to the preliminary consultation (Reviews hears of the
        // nominations through RabbitMQ); 60 consultations are held, with their working languages.
        await StagesAsync(m, plan, s => s <= ReviewStage.PreliminaryConsultation ? s : ReviewStage.PreliminaryConsultation);
        var languages = new Queue<string[]>(Reporting.Tests.Support.October2023.LanguageChoices());
        foreach (var review in reviews.Where(r => plan.Targets[r.Id] >= ReviewStage.SelfAssessmentQuestionnaire).OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var agreed = languages.Dequeue();
            // ABORTED asks to retry: Reviews may be applying a nomination event to the same review meanwhile.
            await RetryAbortedAsync(() => m.Reviews.RecordPreliminaryConsultationAsync(new RecordPreliminaryConsultationRequest
            {
                CountryReviewId = review.Id, HeldOn = Day(today), Participants = { October2023Plan.Places(review) },
                Languages = { agreed.Select(Language) }, LanguagesExceptional = agreed.Length == 3,
                AgreedTimeFrames = "Questionnaire within six months.",
            }, m.Secretariat()).ResponseAsync);
        }
        Log(clock, "60 preliminary consultations recorded");

        // 35 questionnaires written, cleared and transmitted; for 2 reviews every reviewer's written feedback too.
        var people = nominated.ToList();
        foreach (var review in reviews.Where(r => plan.Targets[r.Id] >= ReviewStage.WrittenFeedback))
        {
            await TransmitQuestionnaireAsync(m, review, people);
        }
        await StagesAsync(m, plan, s => s <= ReviewStage.WrittenFeedback ? s : ReviewStage.WrittenFeedback);
        foreach (var review in reviews.Where(r => plan.Targets[r.Id] == ReviewStage.ListOfObservationsAndSummary))
        {
            foreach (var reviewer in October2023Plan.Places(review).Where(p => p != review.PartyUnderReview))
            {
                await TransmitFeedbackAsync(m, review, reviewer, people);
            }
        }
        await StagesAsync(m, plan, s => s);
        Log(clock, "documents transmitted, every review at its stage");

        // Reporting, from the events: the slides' figures.
        await FiguresAsync(m, "from the events");
        Log(clock, "report checked");

        // A full rebuild from the services' APIs ends with the same figures.
        var rebuilt = await m.Reporting.RebuildReadModelsAsync(new RebuildReadModelsRequest(), m.Secretariat());
        Assert.Equal((189, October2023Nominations.Total), (rebuilt.Reviews, rebuilt.Nominations));
        await FiguresAsync(m, "after the rebuild");
        Log(clock, "rebuild checked");
    }

    /// <summary>The participants in three groups of 62, 63 and 64, shuffled with a fixed seed (the composition drawn at the session).</summary>
    private static IEnumerable<GroupMembers> SessionGroups(List<string> participants)
    {
        var shuffled = participants.ToList();
        var random = new Random(2020);
        for (var i = shuffled.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
        }
        return [new GroupMembers { Parties = { shuffled[..62] } }, new GroupMembers { Parties = { shuffled[62..125] } }, new GroupMembers { Parties = { shuffled[125..] } }];
    }

    private void Log(Stopwatch clock, string what) => output.WriteLine($"{clock.Elapsed:mm\\:ss} {what}");

    /// <summary>Each party's nominations in order, six parties at a time (a party's roster takes one change at a time).</summary>
    private static async Task NominateAsync(ServicesBehindGateway m, List<NominateRequest> requests, ConcurrentBag<Nomination> nominated)
    {
        var byParty = requests.GroupBy(r => r.Party).ToList();
        await Parallel.ForEachAsync(byParty, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (party, ct) =>
        {
            foreach (var request in party)
            {
                nominated.Add((await RetryAbortedAsync(() => m.Nominations.NominateAsync(request, m.Secretariat(), cancellationToken: ct).ResponseAsync)).Nomination);
            }
        });
    }

    private static async Task TransmitQuestionnaireAsync(ServicesBehindGateway m, CountryReview review, List<Nomination> people)
    {
        var party = review.PartyUnderReview;
        var expert = Person(people, party, NominationRole.GovernmentalExpert, NominationScopeKind.OwnReview);
        var focalPoint = Person(people, party, NominationRole.FocalPoint, NominationScopeKind.OwnReview);
        var articles = (await m.Documents.GetQuestionnaireAsync(new GetQuestionnaireRequest { Cluster = review.Cluster }, m.PersonOf(expert))).Articles;
        // Documents learns of the review and of the people through RabbitMQ: the first call may come too early.
        var saq = await EventuallyAsync(() => m.Documents.CreateDocumentAsync(new CreateDocumentRequest
        {
            RequestId = $"saq-{review.Id}", CountryReviewId = review.Id, Kind = DocumentKind.SelfAssessmentQuestionnaire, Language = "en",
            Content = new DocumentContent
            {
                Title = $"Self-assessment questionnaire of {party}",
                Entries =
                {
                    new ArticleEntry
                    {
                        ArticleId = articles[0].Id,
                        Answer = new QuestionnaireAnswer { Answer = AnswerChoice.Yes, Explanation = "The Criminal Code criminalizes participation in an organized criminal group." },
                    },
                },
            },
        }, m.PersonOf(expert)).ResponseAsync);
        var submitted = await m.Documents.SubmitForClearanceAsync(new WorkflowRequest { DocumentId = saq.Id, ExpectedRevision = saq.Revision }, m.PersonOf(expert));
        await ClearAndTransmitAsync(m, submitted, focalPoint);
    }

    private static async Task TransmitFeedbackAsync(ServicesBehindGateway m, CountryReview review, string reviewer, List<Nomination> people)
    {
        var expert = Person(people, reviewer, NominationRole.GovernmentalExpert, NominationScopeKind.AsReviewer);
        var focalPoint = Person(people, reviewer, NominationRole.FocalPoint, NominationScopeKind.AsReviewer);
        var articles = (await m.Documents.GetQuestionnaireAsync(new GetQuestionnaireRequest { Cluster = review.Cluster }, m.PersonOf(expert))).Articles;
        var feedback = await EventuallyAsync(() => m.Documents.CreateDocumentAsync(new CreateDocumentRequest
        {
            RequestId = $"feedback-{review.Id}-{reviewer}", CountryReviewId = review.Id, Kind = DocumentKind.WrittenFeedback, Language = "en",
            Content = new DocumentContent
            {
                Title = $"Written feedback of {reviewer}",
                Entries = { new ArticleEntry { ArticleId = articles[0].Id, Feedback = new FeedbackItem { Comment = "Clear and complete." } } },
            },
        }, m.PersonOf(expert)).ResponseAsync);
        var submitted = await m.Documents.SubmitForClearanceAsync(new WorkflowRequest { DocumentId = feedback.Id, ExpectedRevision = feedback.Revision }, m.PersonOf(expert));
        await ClearAndTransmitAsync(m, submitted, focalPoint);
    }

    private static async Task ClearAndTransmitAsync(ServicesBehindGateway m, Document submitted, Nomination focalPoint)
    {
        var cleared = await m.Documents.ClearDocumentAsync(new WorkflowRequest { DocumentId = submitted.Id, ExpectedRevision = submitted.Revision }, m.PersonOf(focalPoint));
        await m.Documents.TransmitDocumentAsync(new WorkflowRequest { DocumentId = cleared.Id, ExpectedRevision = cleared.Revision }, m.PersonOf(focalPoint));
    }

    private static Nomination Person(List<Nomination> people, string party, NominationRole role, NominationScopeKind scope) =>
        people.Where(n => n.Party == party && n.Role == role && n.Scope.Kind == scope).OrderBy(n => n.PersonId, StringComparer.Ordinal).First();

    /// <summary>Waits until Reviews shows every review at <paramref name="expected"/> of its planned stage.</summary>
    private static async Task StagesAsync(ServicesBehindGateway m, October2023Plan plan, Func<ReviewStage, ReviewStage> expected)
    {
        var until = DateTime.UtcNow + Soon;
        while (true)
        {
            var reviews = (await m.Reviews.ListCountryReviewsAsync(new ListCountryReviewsRequest(), m.Secretariat())).Reviews;
            var wrong = reviews.Where(r => r.Stage != expected(plan.Targets[r.Id])).Select(r => $"{r.Id} at {r.Stage}, not {expected(plan.Targets[r.Id])}").ToList();
            if (wrong.Count == 0)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < until, $"{wrong.Count} reviews not at their stage after {Soon.TotalMinutes} minutes: {string.Join("; ", wrong.Take(5))}\n{m.Logs}");
            await Task.Delay(500);
        }
    }

    /// <summary>Reads Reporting's report through the gateway until the events are applied, then checks the slides' figures.</summary>
    private static async Task FiguresAsync(ServicesBehindGateway m, string when)
    {
        var until = DateTime.UtcNow + Soon;
        while (true)
        {
            var report = await m.Reporting.GetProgressReportAsync(new GetProgressReportRequest(), m.Secretariat());
            try
            {
                October2023Figures.Assert(report);
                return;
            }
            catch (XunitException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(1000);
            }
            catch (XunitException e)
            {
                throw new XunitException($"Reporting's figures {when}, {Soon.TotalMinutes} minutes after the data set was entered: {e.Message}\n{m.Logs}");
            }
        }
    }

    /// <summary>Calls again on ABORTED (the record changed meanwhile: "read it again and retry"), a few times.</summary>
    private static async Task<T> RetryAbortedAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Aborted && attempt < 10)
            {
                await Task.Delay(100 * attempt);
            }
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

    private static Language Language(string code) => code switch
    {
        "ar" => ReviewMechanism.Reviews.V1.Language.Arabic,
        "zh" => ReviewMechanism.Reviews.V1.Language.Chinese,
        "en" => ReviewMechanism.Reviews.V1.Language.English,
        "fr" => ReviewMechanism.Reviews.V1.Language.French,
        "ru" => ReviewMechanism.Reviews.V1.Language.Russian,
        "es" => ReviewMechanism.Reviews.V1.Language.Spanish,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "not one of the six languages"),
    };

    private static ReviewMechanism.Reviews.V1.Date Day(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };
}
