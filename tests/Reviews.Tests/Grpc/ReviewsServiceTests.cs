using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Events.V1;
using ReviewMechanism.Reviews.V1;
using ReviewMechanism.ServiceDefaults.Errors;
using Reviews.Api.Domain.Drawing;
using Reviews.Tests.Support;
using NominationScope = ReviewMechanism.Events.V1.NominationScope;

namespace Reviews.Tests.Grpc;

[Collection(PostgresCollection.Name)]
public class ReviewsServiceTests(PostgresFixture postgres)
{
    private static readonly Date[] GroupStarts = [D(2020, 12, 1), D(2021, 11, 1), D(2022, 11, 1)];

    [Fact]
    public async Task DrawingLotsForThreeGroupsOpensEveryReviewAndPublishesThePairings()
    {
        var h = await ServiceHarness.StartAsync(postgres, Clocks.At(2020, 11, 15));
        var split = await SplitAsync(h);
        Assert.Equal([64, 63, 63], split.Groups.Select(g => g.PartiesUnderReview.Count));
        Assert.Equal(2020UL, split.Draw.Seed);
        Assert.Equal(D(2021, 11, 1), split.Groups[1].StartDate);
        var reviewIds = new List<string>();
        for (var group = 1; group <= 3; group++)
        {
            var drawn = await h.Service().DrawPairings(new DrawPairingsRequest { GroupNumber = group, AsOf = D(2020, 11, 15), Seed = (ulong)group }, TestCallContext.Secretariat());
            Assert.Equal(split.Groups[group - 1].PartiesUnderReview.Count, drawn.Pairings.Count);
            Assert.Equal(drawn.Pairings.Sum(p => 2 + p.AdditionalReviewers.Count), drawn.Draw.Audit.Count);
            reviewIds.AddRange(drawn.CountryReviewIds);
        }
        Assert.Equal(190, reviewIds.Count);

        var published = await h.Service().GetCountryPairings(new GetCountryPairingsRequest(), TestCallContext.Anonymous());
        Assert.Equal(3, published.Groups.Count);
        Assert.All(published.Groups.SelectMany(g => g.Pairings), p => Assert.NotEqual(p.SameRegionReviewer, p.OtherRegionReviewer));

        await using var db = h.Db();
        foreach (var record in await db.Draws.Where(d => d.Kind == Reviews.Api.Domain.Drawing.DrawKind.Pairing).ToListAsync())
        {
            Assert.True(DrawingOfLots.Replay(record).SamePlacesAs(record.PairingOutcome!));
        }
        Assert.Equal(190, await db.CountryReviews.CountAsync(r => r.Phase == 1 && r.Cluster == 1));
    }

    [Fact]
    public async Task TheSplitAndEachGroupsDrawHappenOnce()
    {
        var h = await ServiceHarness.StartAsync(postgres, Clocks.At(2020, 11, 15));
        await SplitAsync(h);
        await Rpc.FailsWith(StatusCode.AlreadyExists, () => SplitAsync(h));
        await DrawAsync(h, 1);
        await Rpc.FailsWith(StatusCode.AlreadyExists, () => DrawAsync(h, 1));
        await Rpc.FailsWith(StatusCode.NotFound, () => DrawAsync(h, 7));
    }

    [Fact]
    public async Task AFifthRedrawIsRefusedWithTheRuleInTheDetailsAndNothingChanges()
    {
        var h = await ServiceHarness.StartAsync(postgres, Clocks.At(2020, 11, 15));
        await SplitAsync(h);
        var drawn = await DrawAsync(h, 1);
        var pur = drawn.Pairings[0].PartyUnderReview;
        for (var i = 0; i < 4; i++)
        {
            var redrawn = await h.Service().RequestRedraw(
                new RequestRedrawRequest { PartyUnderReview = pur, RequestingParty = pur, Reason = "working languages", Seed = (ulong)(100 + i) },
                TestCallContext.Secretariat());
            Assert.Equal(i + 1, redrawn.Pairing.RedrawCount);
            Assert.Equal(ReviewMechanism.Reviews.V1.DrawKind.Redraw, redrawn.Draw.Kind);
        }
        var before = (await h.Service().GetCountryPairings(new GetCountryPairingsRequest { GroupNumber = 1 }, TestCallContext.Anonymous()))
            .Groups[0].Pairings.Single(p => p.PartyUnderReview == pur);
        var error = await Rpc.FailsWith(StatusCode.FailedPrecondition, () => h.Service().RequestRedraw(
            new RequestRedrawRequest { PartyUnderReview = pur, RequestingParty = pur, Reason = "again" }, TestCallContext.Secretariat()));
        Assert.Equal("REDRAW_LIMIT", error.Precondition().Type);
        Assert.Contains("at most 4 times", error.Status.Detail);
        var after = (await h.Service().GetCountryPairings(new GetCountryPairingsRequest { GroupNumber = 1 }, TestCallContext.Anonymous()))
            .Groups[0].Pairings.Single(p => p.PartyUnderReview == pur);
        Assert.Equal(before, after);
        var draws = await h.Service().ListDraws(new ListDrawsRequest { PartyUnderReview = pur }, TestCallContext.Secretariat());
        Assert.Equal(5, draws.Draws.Count);

        var review = await h.Service().GetCountryReview(new GetCountryReviewRequest { CountryReviewId = $"{pur}-C1" }, TestCallContext.Secretariat());
        var active = review.Participants.Where(p => p.LeftAt is null).Select(p => p.Iso3).ToHashSet();
        Assert.Contains(after.SameRegionReviewer, active);
        Assert.Contains(after.OtherRegionReviewer, active);
    }

    [Fact]
    public async Task AFocalPointMayAskOnlyForItsOwnPartysRedraw()
    {
        var h = await ServiceHarness.StartAsync(postgres, Clocks.At(2020, 11, 15));
        await SplitAsync(h);
        var pairing = (await DrawAsync(h, 1)).Pairings[0];
        var outsider = TestCallContext.FocalPoint("fp-x", "ZZZ");
        await Rpc.FailsWith(StatusCode.PermissionDenied, () => h.Service().RequestRedraw(
            new RequestRedrawRequest { PartyUnderReview = pairing.PartyUnderReview, RequestingParty = pairing.SameRegionReviewer, Reason = "r" }, outsider));
        var reviewer = TestCallContext.FocalPoint("fp-r", pairing.SameRegionReviewer);
        var redrawn = await h.Service().RequestRedraw(
            new RequestRedrawRequest { PartyUnderReview = pairing.PartyUnderReview, RequestingParty = pairing.SameRegionReviewer, Reason = "no shared language", Seed = 5 }, reviewer);
        Assert.NotEqual(pairing.SameRegionReviewer, redrawn.Pairing.SameRegionReviewer);
        Assert.Equal(pairing.OtherRegionReviewer, redrawn.Pairing.OtherRegionReviewer);
        Assert.Equal(pairing.SameRegionReviewer, redrawn.Draw.RequestingParty);
        Assert.Equal("no shared language", redrawn.Draw.Reason);
    }

    [Fact]
    public async Task AnUnknownPartyIsNotFoundAndAMalformedCodeIsInvalid()
    {
        var h = await ServiceHarness.StartAsync(postgres, Clocks.At(2020, 11, 15));
        var notFound = await Rpc.FailsWith(StatusCode.NotFound, () => h.Service().GetParty(new GetPartyRequest { Iso3 = "XYZ" }, TestCallContext.Secretariat()));
        Assert.Contains("XYZ", notFound.Status.Detail);
        var invalid = await Rpc.FailsWith(StatusCode.InvalidArgument, () => h.Service().GetParty(new GetPartyRequest { Iso3 = "germany" }, TestCallContext.Secretariat()));
        Assert.Equal("iso3", Assert.Single(invalid.BadRequest().FieldViolations).Field);
        var germany = await h.Service().GetParty(new GetPartyRequest { Iso3 = "deu" }, TestCallContext.Secretariat());
        Assert.Equal(D(2021, 10, 14), germany.Ratifications.Single(r => r.Instrument == ReviewMechanism.Reviews.V1.Instrument.Fir).EffectiveFrom);
    }

    [Fact]
    public async Task ANewPartyAndANewRatificationAreStoredAndADuplicateIsRefused()
    {
        var h = await ServiceHarness.StartAsync(postgres, Clocks.At(2024, 6, 1));
        var added = await h.Service().AddParty(new AddPartyRequest
        {
            Iso3 = "som", Name = "Somalia", RegionalGroup = ReviewMechanism.Reviews.V1.RegionalGroup.African, UntocDate = D(2024, 3, 1), Source = "UNTC",
        }, TestCallContext.Secretariat());
        Assert.Equal("SOM", added.Iso3);
        await Rpc.FailsWith(StatusCode.AlreadyExists, () => h.Service().AddParty(new AddPartyRequest
        {
            Iso3 = "SOM", Name = "Somalia", RegionalGroup = ReviewMechanism.Reviews.V1.RegionalGroup.African, UntocDate = D(2024, 3, 1),
        }, TestCallContext.Secretariat()));
        var ratified = await h.Service().RecordRatification(new RecordRatificationRequest
        {
            Iso3 = "SOM", Instrument = ReviewMechanism.Reviews.V1.Instrument.Tip, Date = D(2024, 5, 2), Source = "UNTC",
        }, TestCallContext.Secretariat());
        Assert.Equal(2, ratified.Ratifications.Count);
        var tip = await h.Service().ListParties(new ListPartiesRequest { PartyTo = ReviewMechanism.Reviews.V1.Instrument.Tip, AsOf = D(2024, 5, 2) }, TestCallContext.Secretariat());
        Assert.Contains(tip.Parties, p => p.Iso3 == "SOM");
        var before = await h.Service().ListParties(new ListPartiesRequest { PartyTo = ReviewMechanism.Reviews.V1.Instrument.Tip, AsOf = D(2024, 5, 1) }, TestCallContext.Secretariat());
        Assert.DoesNotContain(before.Parties, p => p.Iso3 == "SOM");
        var bad = await Rpc.FailsWith(StatusCode.InvalidArgument, () => h.Service().RecordRatification(new RecordRatificationRequest
        {
            Iso3 = "SOM", Instrument = ReviewMechanism.Reviews.V1.Instrument.Fir, Date = new Date { Year = 2024, Month = 2, Day = 30 },
        }, TestCallContext.Secretariat()));
        Assert.Contains("not a calendar date", bad.Status.Detail);
    }

    [Fact]
    public async Task FourWorkingLanguagesAreRefusedAndNothingIsStored()
    {
        var h = await ServiceHarness.StartAsync(postgres, Clocks.At(2020, 11, 15));
        await SplitAsync(h);
        var id = (await DrawAsync(h, 1)).CountryReviewIds[0];
        await h.Service().SetWorkingLanguages(new SetWorkingLanguagesRequest { CountryReviewId = id, Languages = { Language.English, Language.French } }, TestCallContext.Secretariat());
        var error = await Rpc.FailsWith(StatusCode.InvalidArgument, () => h.Service().SetWorkingLanguages(new SetWorkingLanguagesRequest
        {
            CountryReviewId = id, Languages = { Language.English, Language.French, Language.Spanish, Language.Arabic }, Exceptional = true,
        }, TestCallContext.Secretariat()));
        Assert.Equal("languages", Assert.Single(error.BadRequest().FieldViolations).Field);
        var review = await h.Service().GetCountryReview(new GetCountryReviewRequest { CountryReviewId = id }, TestCallContext.Secretariat());
        Assert.Equal([Language.English, Language.French], review.Languages);
    }

    [Fact]
    public async Task ASkippedStageIsRefusedWithTheStageRule()
    {
        var h = await ServiceHarness.StartAsync(postgres, Clocks.At(2020, 11, 15));
        await SplitAsync(h);
        var pairing = (await DrawAsync(h, 1)).Pairings[0];
        var error = await Rpc.FailsWith(StatusCode.FailedPrecondition, () => h.Service().RecordPreliminaryConsultation(new RecordPreliminaryConsultationRequest
        {
            CountryReviewId = $"{pairing.PartyUnderReview}-C1", HeldOn = D(2020, 11, 15), Participants = { pairing.PartyUnderReview },
            Languages = { Language.English }, AgreedTimeFrames = "t",
        }, TestCallContext.FocalPoint("fp-pur", pairing.PartyUnderReview)));
        Assert.Equal("STAGE_ORDER", error.Precondition().Type);
        Assert.Contains("are not yet nominated", error.Status.Detail);

        var refused = await Assert.ThrowsAsync<ReviewMechanism.ServiceDefaults.Errors.DomainException>(() => h.Events().HandleAsync(
            new QuestionnaireTransmitted { CountryReviewId = $"{pairing.PartyUnderReview}-C1", Party = pairing.PartyUnderReview, OccurredAt = Timestamp.FromDateTimeOffset(h.Clock.GetUtcNow()) }, default));
        Assert.Contains("stage cannot be skipped", refused.Message);
    }

    [Fact]
    public async Task AReviewRunsToCompletionThroughEventsAndCommandsAsTheClockMoves()
    {
        var h = await ServiceHarness.StartAsync(postgres, Clocks.At(2020, 11, 15));
        await SplitAsync(h);
        var pairing = (await DrawAsync(h, 1)).Pairings.First(p => p.AdditionalReviewers.Count == 0);
        var id = $"{pairing.PartyUnderReview}-C1";
        h.Clock.SetUtcNow(new DateTimeOffset(2020, 12, 10, 9, 0, 0, TimeSpan.Zero));

        await NominateAsync(h, "n-pur", pairing.PartyUnderReview, NominationScopeKind.OwnReview);
        await NominateAsync(h, "n-same", pairing.SameRegionReviewer, NominationScopeKind.AsReviewer);
        var blocked = await h.Service().GetCountryReview(new GetCountryReviewRequest { CountryReviewId = id }, TestCallContext.Secretariat());
        Assert.Equal(ReviewStage.NominationsPending, blocked.Stage);
        Assert.Equal(BlockerKind.FocalPointMissing, blocked.Blocker.Kind);
        Assert.Contains("missing for 9 days", blocked.Blocker.Description);

        h.Clock.Advance(TimeSpan.FromDays(5));
        var outcome = await NominateAsync(h, "n-other", pairing.OtherRegionReviewer, NominationScopeKind.AsReviewer);
        Assert.Contains(id, outcome.ChangedReviews);
        Assert.Equal(ReviewStage.PreliminaryConsultation, (await GetAsync(h, id)).Stage);

        h.Clock.Advance(TimeSpan.FromDays(20));
        var pur = TestCallContext.FocalPoint("person-n-pur", pairing.PartyUnderReview);
        var consulted = await h.Service().RecordPreliminaryConsultation(new RecordPreliminaryConsultationRequest
        {
            CountryReviewId = id, HeldOn = D(2021, 1, 4), Participants = { pairing.PartyUnderReview, pairing.SameRegionReviewer, pairing.OtherRegionReviewer },
            Languages = { Language.English }, AgreedTimeFrames = "questionnaire by May", Notes = "online",
        }, pur);
        Assert.Equal(ReviewStage.SelfAssessmentQuestionnaire, consulted.Stage);

        h.Clock.Advance(TimeSpan.FromDays(100));
        await h.Events().HandleAsync(new FocalPointReplaced
        {
            Party = pairing.PartyUnderReview, Scope = new NominationScope { Kind = NominationScopeKind.OwnReview },
            PredecessorNominationId = "n-pur", SuccessorNominationId = "n-pur-2", SuccessorPersonId = "person-n-pur-2",
            SuccessorFullName = "New Focal Point", SuccessorEmail = "new.fp@example.org", Reason = "rotation",
            EffectiveFrom = Timestamp.FromDateTimeOffset(h.Clock.GetUtcNow()),
        }, default);
        Assert.Equal("new.fp@example.org", (await GetAsync(h, id)).Participants.Single(p => p.Iso3 == pairing.PartyUnderReview).FocalPoint.Email);

        await h.Events().HandleAsync(new QuestionnaireTransmitted { CountryReviewId = id, Party = pairing.PartyUnderReview, OccurredAt = Now(h), TransmittedBy = "person-n-pur-2" }, default);
        h.Clock.Advance(TimeSpan.FromDays(60));
        await h.Events().HandleAsync(new WrittenFeedbackTransmitted { CountryReviewId = id, Party = pairing.SameRegionReviewer, OccurredAt = Now(h), TransmittedBy = "x" }, default);
        Assert.Equal(ReviewStage.WrittenFeedback, (await GetAsync(h, id)).Stage);
        await h.Events().HandleAsync(new WrittenFeedbackTransmitted { CountryReviewId = id, Party = pairing.OtherRegionReviewer, OccurredAt = Now(h), TransmittedBy = "y" }, default);
        h.Clock.Advance(TimeSpan.FromDays(90));
        await h.Events().HandleAsync(new ListOfObservationsFinalized { CountryReviewId = id, OccurredAt = Now(h), FinalizedBy = "secretariat" }, default);

        var done = await GetAsync(h, id);
        Assert.Equal(ReviewStage.Completed, done.Stage);
        Assert.Equal(5, done.History.Count);
        Assert.Null(done.Blocker);
    }

    [Fact]
    public async Task AReviewIsConfidentialToItsPartiesAndTheSecretariat()
    {
        var h = await ServiceHarness.StartAsync(postgres, Clocks.At(2020, 11, 15));
        await SplitAsync(h);
        var drawn = await DrawAsync(h, 1);
        var pairing = drawn.Pairings[0];
        var id = $"{pairing.PartyUnderReview}-C1";
        var stranger = drawn.Pairings.Select(p => p.PartyUnderReview).First(p => p != pairing.PartyUnderReview && !new[] { pairing.SameRegionReviewer, pairing.OtherRegionReviewer }.Contains(p));
        await Rpc.FailsWith(StatusCode.PermissionDenied, () => h.Service().GetCountryReview(new GetCountryReviewRequest { CountryReviewId = id }, TestCallContext.FocalPoint("fp-s", stranger)));
        var own = await h.Service().GetCountryReview(new GetCountryReviewRequest { CountryReviewId = id }, TestCallContext.As("obs", ["Observer"], [pairing.SameRegionReviewer]));
        Assert.Equal(id, own.Id);
        var mine = await h.Service().ListCountryReviews(new ListCountryReviewsRequest(), TestCallContext.FocalPoint("fp-s", stranger));
        Assert.All(mine.Reviews, r => Assert.Contains(r.Participants, p => p.Iso3 == stranger && p.LeftAt is null));
        Assert.NotEmpty(mine.Reviews);
        await Rpc.FailsWith(StatusCode.NotFound, () => h.Service().GetCountryReview(new GetCountryReviewRequest { CountryReviewId = "XXX-C1" }, TestCallContext.Secretariat()));
    }

    [Fact]
    public async Task BelowTheThresholdTheNextPhaseWaitsForAConferenceDecision()
    {
        var h = await ServiceHarness.StartAsync(postgres, Clocks.At(2020, 11, 15));
        await SplitAsync(h);
        await DrawAsync(h, 2);
        var progress = await h.Service().GetPhaseProgress(new GetPhaseProgressRequest { GroupNumber = 2 }, TestCallContext.Secretariat());
        Assert.Equal((63, 0, false), (progress.ReviewsForeseen, progress.ReviewsCompleted, progress.MayAdvance));
        var error = await Rpc.FailsWith(StatusCode.FailedPrecondition, () => h.Service().LaunchNextPhase(new LaunchNextPhaseRequest { GroupNumber = 2 }, TestCallContext.Secretariat()));
        Assert.Equal("PHASE_THRESHOLD", error.Precondition().Type);
        await h.Service().RecordConferenceDecision(new RecordConferenceDecisionRequest
        {
            GroupNumber = 2, FromPhase = 1, Outcome = ConferenceDecisionOutcome.Advance, Reference = "decision 12/1", DecidedOn = D(2020, 11, 14),
        }, TestCallContext.Secretariat());
        var launched = await h.Service().LaunchNextPhase(new LaunchNextPhaseRequest { GroupNumber = 2, StartDate = D(2023, 11, 1) }, TestCallContext.Secretariat());
        Assert.Equal((2, 4, 63), (launched.Phase, launched.Cluster, launched.CountryReviewIds.Count));
        Assert.All(launched.CountryReviewIds, id => Assert.EndsWith("-C4", id));
    }

    [Fact]
    public async Task TheFeedShowsOnlyTheCallersNoticesAndTheWatchStreamsNewOnes()
    {
        var h = await ServiceHarness.StartAsync(postgres, Clocks.At(2021, 1, 1));
        await using (var db = h.Db())
        {
            db.Notifications.Add(Notice("k-1", "person-a", h.Clock.GetUtcNow()));
            db.Notifications.Add(Notice("k-2", "person-b", h.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        var a = TestCallContext.FocalPoint("person-a", "DEU");
        var feed = await h.Service().ListMyNotifications(new ListMyNotificationsRequest(), a);
        var only = Assert.Single(feed.Notifications);
        Assert.Equal("k-1", only.Key);
        var others = (await h.Service().ListNotifications(new ListNotificationsRequest { RecipientPersonId = "person-b" }, TestCallContext.Secretariat())).Notifications.Single();
        await Rpc.FailsWith(StatusCode.NotFound, () => h.Service().MarkNotificationRead(new MarkNotificationReadRequest { NotificationId = others.Id }, a));
        var read = await h.Service().MarkNotificationRead(new MarkNotificationReadRequest { NotificationId = only.Id }, a);
        Assert.NotNull(read.ReadAt);

        using var stop = new CancellationTokenSource();
        var stream = new CollectingStream<Notification>();
        var watch = h.Service().WatchNotifications(new WatchNotificationsRequest(), stream, TestCallContext.As("person-a", ["FocalPoint"], ["DEU"], stop.Token));
        await Task.Delay(300);
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await using (var db = h.Db())
        {
            db.Notifications.Add(Notice("k-3", "person-a", h.Clock.GetUtcNow()));
            db.Notifications.Add(Notice("k-4", "person-b", h.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        h.Signal.Pulse();
        var streamed = await stream.NextAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("k-3", streamed.Key);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stream.NextAsync(TimeSpan.FromMilliseconds(600)));
        await stop.CancelAsync();
        await watch;
    }

    [Fact]
    public void EveryRpcDeclaresWhoMayCallIt()
    {
        var rpcs = typeof(Reviews.Api.Grpc.ReviewsGrpcService).GetMethods()
            .Where(m => m.DeclaringType == typeof(Reviews.Api.Grpc.ReviewsGrpcService) && m.GetBaseDefinition().DeclaringType == typeof(ReviewsService.ReviewsServiceBase))
            .ToList();
        Assert.Equal(ReviewsService.Descriptor.Methods.Count, rpcs.Count);
        foreach (var rpc in rpcs)
        {
            var declared = rpc.GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.IAuthorizeData), false).Length
                + rpc.GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.IAllowAnonymous), false).Length;
            Assert.True(declared == 1, $"{rpc.Name} declares {declared} authorization attributes");
        }
        string? Roles(string name) => ((Microsoft.AspNetCore.Authorization.AuthorizeAttribute?)rpcs.Single(m => m.Name == name)
            .GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), false).SingleOrDefault())?.Roles;
        Assert.Equal("Secretariat", Roles("AddParty"));
        Assert.Equal("Secretariat", Roles("DrawPairings"));
        Assert.Equal("Secretariat,FocalPoint", Roles("RequestRedraw"));
        Assert.Null(Roles("GetCountryPairings"));
    }

    private static Reviews.Api.Domain.Notifications.SentNotification Notice(string key, string person, DateTimeOffset at) =>
        Reviews.Api.Domain.Notifications.SentNotification.From(
            new Reviews.Api.Domain.Notifications.DueNotice(
                key, Reviews.Api.Domain.Notifications.NoticeKind.Reminder, 14, "DEU-C1", Reviews.Api.Domain.CountryReviews.DeadlineKind.ExpertNomination,
                new DateOnly(2021, 1, 15), "DEU",
                new Reviews.Api.Domain.Notifications.NoticeRecipient(Reviews.Api.Domain.Notifications.RecipientRole.FocalPoint, "DEU", person, "FP", "fp@example.org"),
                [], Reviews.Api.Domain.Common.UnLanguage.English, DateTimeOffset.UtcNow,
                new Reviews.Api.Domain.Notifications.RenderedNotice(Reviews.Api.Domain.Common.UnLanguage.English, "subject", "body")),
            Guid.NewGuid(), at);

    private static Task<SplitIntoGroupsResponse> SplitAsync(ServiceHarness h) =>
        h.Service().SplitIntoGroups(new SplitIntoGroupsRequest { AsOf = D(2020, 11, 1), GroupStartDates = { GroupStarts }, Seed = 2020 }, TestCallContext.Secretariat());

    private static Task<DrawPairingsResponse> DrawAsync(ServiceHarness h, int group) =>
        h.Service().DrawPairings(new DrawPairingsRequest { GroupNumber = group, AsOf = D(2020, 11, 15), Seed = (ulong)(40 + group) }, TestCallContext.Secretariat());

    private static Task<CountryReview> GetAsync(ServiceHarness h, string id) =>
        h.Service().GetCountryReview(new GetCountryReviewRequest { CountryReviewId = id }, TestCallContext.Secretariat());

    private static Task<Reviews.Api.IntegrationEvents.EventOutcome> NominateAsync(ServiceHarness h, string nominationId, string party, NominationScopeKind scope) =>
        h.Events().HandleAsync(new PersonNominated
        {
            NominationId = nominationId, Party = party, Role = NominationRole.FocalPoint, Scope = new NominationScope { Kind = scope },
            PersonId = "person-" + nominationId, FullName = "Focal Point " + party, Email = $"fp.{party.ToLowerInvariant()}@example.org",
            EffectiveFrom = Timestamp.FromDateTimeOffset(h.Clock.GetUtcNow()),
        }, default);

    private static Timestamp Now(ServiceHarness h) => Timestamp.FromDateTimeOffset(h.Clock.GetUtcNow());

    private static Date D(int year, int month, int day) => new() { Year = year, Month = month, Day = day };
}
