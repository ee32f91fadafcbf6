using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ReviewMechanism.AppHost.Tests.Infrastructure;
using ReviewMechanism.Events.V1;
using ReviewMechanism.Nominations.V1;
using ReviewMechanism.Reviews.V1;
using NominationScope = ReviewMechanism.Events.V1.NominationScope;

namespace ReviewMechanism.AppHost.Tests;

/// <summary>
/// Issue 5 end to end: every call goes through the gateway with access tokens from the identity service; the
/// services talk over RabbitMQ; the clock of reviews and nominations is moved by the test.
/// </summary>
[Collection(MechanismCollection.Name)]
public sealed class CountryReviewThroughTheGatewayTests(MechanismStack stack)
{
    private static readonly TimeSpan Soon = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task AReviewGoesFromTheDrawingOfLotsToCompletionWithNoticesAndAFocalPointReplaced()
    {
        var secretariat = await stack.SecretariatAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // Draw lots: three groups, pairings for each.
        var split = await stack.Reviews.SplitIntoGroupsAsync(new SplitIntoGroupsRequest { Seed = 2026, FirstGroupStart = Day(today) }, secretariat);
        Assert.Equal(3, split.Groups.Count);
        var draws = new List<DrawPairingsResponse>();
        for (var group = 1; group <= 3; group++)
        {
            draws.Add(await stack.Reviews.DrawPairingsAsync(new DrawPairingsRequest { GroupNumber = group, Seed = (ulong)group }, secretariat));
        }
        Assert.All(draws, d => Assert.NotEmpty(d.CountryReviewIds));
        var pairings = await stack.Reviews.GetCountryPairingsAsync(new GetCountryPairingsRequest(), secretariat);
        Assert.Equal(3, pairings.Groups.Count);

        // The first review of group 1 (not Austria's: its focal point is the test's other caller).
        var pairing = draws[0].Pairings.First(p => p.PartyUnderReview != MechanismStack.FocalPointParty);
        var reviewId = draws[0].CountryReviewIds[draws[0].Pairings.IndexOf(pairing)];
        var review = await stack.Reviews.GetCountryReviewAsync(new GetCountryReviewRequest { CountryReviewId = reviewId }, secretariat);
        var underReview = review.PartyUnderReview;
        var reviewers = review.Participants.Where(p => p.Iso3 != underReview).Select(p => p.Iso3).ToList();
        Assert.Equal(ReviewStage.NominationsPending, review.Stage);
        await stack.Reviews.SetPermanentMissionAsync(new SetPermanentMissionRequest { Iso3 = underReview, Email = $"mission.{underReview.ToLowerInvariant()}@example.org" }, secretariat);

        // A stage cannot be skipped while nominations are pending; nothing changes.
        var skipped = await Assert.ThrowsAsync<RpcException>(() => stack.Reviews.RecordPreliminaryConsultationAsync(Consultation(reviewId, today, underReview, reviewers), secretariat).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, skipped.StatusCode);
        Assert.Equal("STAGE_ORDER", skipped.Precondition().Type);

        // Reviewers' focal points and experts are nominated; the party under review's is late.
        foreach (var reviewer in reviewers)
        {
            await NominateAsync(reviewer, NominationRole.FocalPoint, ScopeKind(NominationScopeKind.AsReviewer), "fp", secretariat);
            await NominateAsync(reviewer, NominationRole.GovernmentalExpert, ScopeKind(NominationScopeKind.AsReviewer), "expert", secretariat);
        }

        // Day 15: the focal point deadline (14 days) was missed: a notice to the Permanent Mission, in the feed and as e-mail.
        await stack.MoveClockAsync(TimeSpan.FromDays(15));
        var missed = await EventuallyAsync(async () => (await NoticesAsync(reviewId, secretariat)).FirstOrDefault(n =>
            n.Kind == NoticeKind.MissedDeadline && n.Party == underReview && n.Deadline == DeadlineKind.FocalPointNomination));
        Assert.Equal($"mission.{underReview.ToLowerInvariant()}@example.org", missed.To.Email);
        await EventuallyTrueAsync(() => MailContaining(missed.To.Email));

        // The focal point of the party under review is nominated: the review starts.
        var focalPoint = await NominateAsync(underReview, NominationRole.FocalPoint, ScopeKind(NominationScopeKind.OwnReview), "fp", secretariat);
        review = await EventuallyAsync(async () =>
        {
            var r = await stack.Reviews.GetCountryReviewAsync(new GetCountryReviewRequest { CountryReviewId = reviewId }, secretariat);
            return r.Stage == ReviewStage.PreliminaryConsultation ? r : null;
        });
        Assert.Equal(focalPoint.PersonId, review.Participants.Single(p => p.Iso3 == underReview).FocalPoint.PersonId);

        // Bad input, refused with the rule and nothing stored.
        await RefusalsAsync(underReview, reviewId, reviewers, draws[1], secretariat);

        // Day 40: three days before the preliminary consultation deadline (42 days) the focal point is reminded.
        await stack.MoveClockAsync(TimeSpan.FromDays(40));
        var reminder = await EventuallyAsync(async () => (await NoticesAsync(reviewId, secretariat)).FirstOrDefault(n =>
            n.Kind == NoticeKind.Reminder && n.To.PersonId == focalPoint.PersonId && n.Deadline == DeadlineKind.PreliminaryConsultation));
        Assert.Equal(3, reminder.OffsetDays);
        await EventuallyTrueAsync(() => MailContaining(focalPoint.Contact.Email));

        // The focal point is replaced mid-review: the open task passes to the successor, and the review knows.
        var task = await stack.Nominations.AssignTaskAsync(new AssignTaskRequest
        {
            Party = underReview, NominationId = focalPoint.NominationId, Title = "Coordinate the self-assessment", CountryReviewId = reviewId,
        }, secretariat);
        var replaced = await stack.Nominations.SubstituteFocalPointAsync(new SubstituteFocalPointRequest
        {
            Party = underReview, NominationId = focalPoint.NominationId, Reason = "Reassigned within the ministry",
            Successor = Person(underReview, "successor"),
        }, secretariat);
        Assert.Equal(task.TaskId, Assert.Single(replaced.Handover.Items).TaskId);
        await EventuallyAsync(async () =>
        {
            var r = await stack.Reviews.GetCountryReviewAsync(new GetCountryReviewRequest { CountryReviewId = reviewId }, secretariat);
            return r.Participants.Single(p => p.Iso3 == underReview).FocalPoint.PersonId == replaced.Successor.PersonId ? r : null;
        });

        // Preliminary consultation, then the Documents events move the review to completion.
        var consulted = await stack.Reviews.RecordPreliminaryConsultationAsync(Consultation(reviewId, today.AddDays(30), underReview, reviewers), secretariat);
        Assert.Equal(ReviewStage.SelfAssessmentQuestionnaire, consulted.Stage);
        var now = DateTimeOffset.UtcNow.AddDays(40);
        await stack.PublishDocumentsEventAsync(new QuestionnaireTransmitted
        {
            CountryReviewId = reviewId, Party = underReview, OccurredAt = Timestamp.FromDateTimeOffset(now), TransmittedBy = replaced.Successor.PersonId,
        });
        await StageAsync(reviewId, ReviewStage.WrittenFeedback, secretariat);
        foreach (var reviewer in reviewers)
        {
            await stack.PublishDocumentsEventAsync(new WrittenFeedbackTransmitted
            {
                CountryReviewId = reviewId, Party = reviewer, OccurredAt = Timestamp.FromDateTimeOffset(now), TransmittedBy = reviewer,
            });
        }
        await StageAsync(reviewId, ReviewStage.ListOfObservationsAndSummary, secretariat);
        await stack.PublishDocumentsEventAsync(new ListOfObservationsFinalized
        {
            CountryReviewId = reviewId, OccurredAt = Timestamp.FromDateTimeOffset(now), FinalizedBy = "secretariat",
        });
        var completed = await StageAsync(reviewId, ReviewStage.Completed, secretariat);
        Assert.Equal(
            [ReviewStage.PreliminaryConsultation, ReviewStage.SelfAssessmentQuestionnaire, ReviewStage.WrittenFeedback, ReviewStage.ListOfObservationsAndSummary, ReviewStage.Completed],
            completed.History.Select(h => h.To));
    }

    private async Task RefusalsAsync(string underReview, string reviewId, List<string> reviewers, DrawPairingsResponse otherGroup, CallOptions secretariat)
    {
        var before = (await stack.Nominations.ListNominationsAsync(new ListNominationsRequest { Party = underReview }, secretariat)).Nominations.Count;

        var second = await Assert.ThrowsAsync<RpcException>(() => NominateAsync(underReview, NominationRole.FocalPoint, ScopeKind(NominationScopeKind.OwnReview), "second", secretariat));
        Assert.Contains(second.StatusCode, new[] { StatusCode.FailedPrecondition, StatusCode.AlreadyExists });

        var outsider = (await stack.Reviews.ListPartiesAsync(new ListPartiesRequest(), secretariat)).Parties
            .Select(p => p.Iso3).First(p => p != underReview && !reviewers.Contains(p));
        var notInReview = await EventuallyAsync(async () =>
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => NominateAsync(outsider, NominationRole.GovernmentalExpert,
                new NominationScope { Kind = NominationScopeKind.SpecificReview, CountryReviewId = reviewId }, "outsider", secretariat));
            return error.StatusCode == StatusCode.NotFound ? null : error; // NOT_FOUND while nominations has not heard of the review yet
        });
        Assert.Equal(StatusCode.FailedPrecondition, notInReview.StatusCode);
        Assert.Contains(outsider, notInReview.Status.Detail);

        var unknown = await Assert.ThrowsAsync<RpcException>(() => NominateAsync("XYZ", NominationRole.FocalPoint, ScopeKind(NominationScopeKind.OwnReview), "nobody", secretariat));
        Assert.Contains(unknown.StatusCode, new[] { StatusCode.NotFound, StatusCode.InvalidArgument });
        Assert.Contains("XYZ", unknown.Status.Detail);

        var focalPointOfAustria = await stack.FocalPointOfAustriaAsync();
        var otherParty = await Assert.ThrowsAsync<RpcException>(() => NominateAsync(underReview == "DEU" ? "FRA" : "DEU", NominationRole.GovernmentalExpert,
            ScopeKind(NominationScopeKind.AsReviewer), "intruder", focalPointOfAustria));
        Assert.Equal(StatusCode.PermissionDenied, otherParty.StatusCode);

        Assert.Equal(before, (await stack.Nominations.ListNominationsAsync(new ListNominationsRequest { Party = underReview }, secretariat)).Nominations.Count);

        var languages = await Assert.ThrowsAsync<RpcException>(() => stack.Reviews.SetWorkingLanguagesAsync(new SetWorkingLanguagesRequest
        {
            CountryReviewId = reviewId, Languages = { Language.Arabic, Language.Chinese, Language.English, Language.French }, Exceptional = true,
        }, secretariat).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, languages.StatusCode);
        Assert.Empty((await stack.Reviews.GetCountryReviewAsync(new GetCountryReviewRequest { CountryReviewId = reviewId }, secretariat)).Languages);

        var redrawn = otherGroup.Pairings[0].PartyUnderReview;
        for (var i = 1; i <= 4; i++)
        {
            await stack.Reviews.RequestRedrawAsync(new RequestRedrawRequest { PartyUnderReview = redrawn, RequestingParty = redrawn, Reason = $"request {i}", Seed = (ulong)(100 + i) }, secretariat);
        }
        var fifth = await Assert.ThrowsAsync<RpcException>(() => stack.Reviews.RequestRedrawAsync(
            new RequestRedrawRequest { PartyUnderReview = redrawn, RequestingParty = redrawn, Reason = "request 5", Seed = 105 }, secretariat).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, fifth.StatusCode);
        Assert.Equal("REDRAW_LIMIT", fifth.Precondition().Type);
    }

    private async Task<Nomination> NominateAsync(string party, NominationRole role, NominationScope scope, string tag, CallOptions caller) =>
        (await stack.Nominations.NominateAsync(new NominateRequest { Party = party, Role = role, Scope = scope, Person = Person(party, tag + "-" + role) }, caller)).Nomination;

    private async Task<List<Notification>> NoticesAsync(string reviewId, CallOptions secretariat) =>
        [.. (await stack.Reviews.ListNotificationsAsync(new ListNotificationsRequest { CountryReviewId = reviewId, PageSize = 100 }, secretariat)).Notifications];

    private async Task<CountryReview> StageAsync(string reviewId, ReviewStage stage, CallOptions secretariat) =>
        await EventuallyAsync(async () =>
        {
            var r = await stack.Reviews.GetCountryReviewAsync(new GetCountryReviewRequest { CountryReviewId = reviewId }, secretariat);
            return r.Stage == stage ? r : null;
        });

    /// <summary>A mail to <paramref name="address"/> reached the stack's mail server (read back through its API).</summary>
    private async Task<bool> MailContaining(string address) => (await stack.Mail.ToAsync(address)).Count > 0;

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> attempt)
        where T : class
    {
        var until = DateTime.UtcNow + Soon;
        while (true)
        {
            if (await attempt() is { } value)
            {
                return value;
            }
            Assert.True(DateTime.UtcNow < until, $"not within {Soon.TotalSeconds} s");
            await Task.Delay(500);
        }
    }

    private static async Task EventuallyTrueAsync(Func<Task<bool>> condition) =>
        await EventuallyAsync(async () => await condition() ? new object() : null);

    private static NominationScope ScopeKind(NominationScopeKind kind) => new() { Kind = kind };

    private static PersonDetails Person(string party, string tag) => new()
    {
        FullName = $"{tag} of {party}",
        Title = "Ms.",
        Gender = Gender.Female,
        Email = $"{tag}.{party}@example.org".ToLowerInvariant(),
        Affiliation = "Ministry of Justice",
    };

    private static RecordPreliminaryConsultationRequest Consultation(string reviewId, DateOnly heldOn, string underReview, List<string> reviewers) => new()
    {
        CountryReviewId = reviewId,
        HeldOn = Day(heldOn),
        Participants = { reviewers.Prepend(underReview) },
        Languages = { Language.English },
        AgreedTimeFrames = "Questionnaire within six months; written feedback six months after.",
    };

    private static Date Day(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };
}
