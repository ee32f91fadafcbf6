using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Notifications;
using Reviews.Api.Domain.Parties;
using Reviews.Tests.Support;
using static Reviews.Tests.Support.ReviewsFactory;
using Microsoft.Extensions.Time.Testing;

namespace Reviews.Tests.Domain;

public class NotificationPlannerTests
{
    // FakeTimeProvider only moves forward: a test that looks at another point in time (even an earlier one) takes a
    // fresh provider set to it (At).
    private FakeTimeProvider _clock = Clocks.At(2020, 12, 1);
    private readonly NotificationOptions _options = new();
    private readonly Dictionary<string, Party> _parties;

    public NotificationPlannerTests()
    {
        _parties = RealParties.Fresh().ToDictionary(p => p.Iso3);
        foreach (var iso3 in new[] { "DEU", "FRA", "BRA" })
        {
            _parties[iso3].SetPermanentMission($"mission@{iso3.ToLowerInvariant()}.example", iso3 == "FRA" ? UnLanguage.French : null);
        }
    }

    [Fact]
    public void NothingIsDueBeforeTheFirstReminder()
    {
        var review = New(_clock);
        _clock = new FakeTimeProvider(new DateTimeOffset(2020, 11, 30, 0, 0, 0, TimeSpan.Zero));
        Assert.Empty(Due(review));
    }

    [Fact]
    public void WithoutAFocalPointTheReminderGoesToThePermanentMission()
    {
        var review = New(_clock);
        _clock = new FakeTimeProvider(new DateTimeOffset(2020, 12, 2, 0, 0, 0, TimeSpan.Zero));
        var due = Due(review).Where(n => n.Deadline == DeadlineKind.FocalPointNomination).ToList();
        Assert.Equal(["DEU", "FRA", "BRA"], due.Select(n => n.Party));
        var germany = due[0];
        Assert.Equal((NoticeKind.Reminder, 14, RecipientRole.PermanentMission, "mission@deu.example"), (germany.Kind, germany.OffsetDays, germany.To.Role, germany.To.Email));
        Assert.Empty(germany.Cc);
    }

    [Fact]
    public void AFocalPointIsRemindedWithItsPermanentMissionInCopy()
    {
        var review = New(_clock);
        review.RecordFocalPoint("DEU", Fp("DEU", _clock.GetUtcNow()), _clock.GetUtcNow(), "n");
        _clock = new FakeTimeProvider(new DateTimeOffset(2020, 12, 26, 0, 0, 0, TimeSpan.Zero)); // 3 days before the experts' deadline (29 Dec)
        var notice = Due(review).Single(n => n.Deadline == DeadlineKind.ExpertNomination && n.Party == "DEU");
        Assert.Equal((RecipientRole.FocalPoint, "fp.deu@example.org", 3), (notice.To.Role, notice.To.Email, notice.OffsetDays));
        Assert.Equal(["mission@deu.example"], notice.Cc.Select(c => c.Email));
        Assert.Contains("in 3 days", notice.Content.Body);
        Assert.Contains("29 December 2020", notice.Content.Subject);
    }

    [Fact]
    public void AMissedDeadlineSupersedesTheRemindersAndIsKeyedOncePerRecipient()
    {
        var review = New(_clock);
        _clock = new FakeTimeProvider(new DateTimeOffset(2020, 12, 20, 0, 0, 0, TimeSpan.Zero));
        var notices = Due(review).Where(n => n.Deadline == DeadlineKind.FocalPointNomination).ToList();
        Assert.All(notices, n => Assert.Equal(NoticeKind.MissedDeadline, n.Kind));
        Assert.Contains("was due on 15 December 2020, 5 days ago", notices[0].Content.Body);
        Assert.Equal(notices.Select(n => n.Key), Due(review).Where(n => n.Deadline == DeadlineKind.FocalPointNomination).Select(n => n.Key));
        Assert.Equal(notices.Count, notices.Select(n => n.Key).Distinct().Count());
        _clock.Advance(TimeSpan.FromDays(14));
        var later = Due(review).Where(n => n.Deadline == DeadlineKind.FocalPointNomination).ToList();
        Assert.All(later, n => Assert.Equal(14, n.OffsetDays));
        Assert.Empty(later.Select(n => n.Key).Intersect(notices.Select(n => n.Key)));
    }

    [Fact]
    public void AnExtensionMovesTheNoticesToTheAgreedDateWithNewKeys()
    {
        var review = New(_clock);
        NominateAll(review, _clock);
        _clock = new FakeTimeProvider(new DateTimeOffset(2021, 1, 13, 12, 0, 0, TimeSpan.Zero));
        var missed = Due(review).Single(n => n.Deadline == DeadlineKind.PreliminaryConsultation);
        Assert.Equal(NoticeKind.MissedDeadline, missed.Kind);
        review.AgreeExtension(DeadlineKind.PreliminaryConsultation, new DateOnly(2021, 2, 15), ["DEU", "FRA"], "languages", _clock.GetUtcNow(), "s");
        Assert.DoesNotContain(Due(review), n => n.Deadline == DeadlineKind.PreliminaryConsultation);
        _clock = new FakeTimeProvider(new DateTimeOffset(2021, 2, 1, 0, 0, 0, TimeSpan.Zero));
        var reminder = Due(review).Single(n => n.Deadline == DeadlineKind.PreliminaryConsultation);
        Assert.Equal((NoticeKind.Reminder, 14, new DateOnly(2021, 2, 15)), (reminder.Kind, reminder.OffsetDays, reminder.DueDate));
        Assert.NotEqual(missed.Key, reminder.Key);
    }

    [Fact]
    public void OnlyTheReviewersThatOweFeedbackAreNotified()
    {
        var review = New(_clock);
        NominateAll(review, _clock);
        review.RecordPreliminaryConsultation(Start, ["DEU"], [UnLanguage.English], false, "t", null, _clock.GetUtcNow(), "fp");
        review.RecordQuestionnaireSubmitted("DEU", _clock.GetUtcNow(), "fp", new ReviewTimelineOptions());
        review.RecordWrittenFeedback("FRA", _clock.GetUtcNow(), "fp", new ReviewTimelineOptions());
        _clock = new FakeTimeProvider(new DateTimeOffset(2021, 5, 25, 0, 0, 0, TimeSpan.Zero));
        var notice = Assert.Single(Due(review), n => n.Deadline == DeadlineKind.WrittenFeedback);
        Assert.Equal("BRA", notice.Party);
    }

    [Fact]
    public void NoticesAreInTheReviewsFirstWorkingLanguageFrenchWrittenOthersInEnglish()
    {
        var review = New(_clock);
        NominateAll(review, _clock);
        review.SetLanguages([UnLanguage.French, UnLanguage.English], false, _clock.GetUtcNow());
        _clock = new FakeTimeProvider(new DateTimeOffset(2020, 12, 26, 0, 0, 0, TimeSpan.Zero));
        var french = Due(review).First(n => n.Deadline == DeadlineKind.ExpertNomination);
        Assert.Equal((UnLanguage.French, UnLanguage.French), (french.WantedLanguage, french.Content.Language));
        Assert.StartsWith("Rappel : désignation des experts gouvernementaux", french.Content.Subject);
        Assert.Contains("29 décembre 2020", french.Content.Body);

        review.SetLanguages([UnLanguage.Spanish], false, _clock.GetUtcNow());
        var spanish = Due(review).First(n => n.Deadline == DeadlineKind.ExpertNomination);
        Assert.Equal((UnLanguage.Spanish, UnLanguage.English), (spanish.WantedLanguage, spanish.Content.Language));
        Assert.StartsWith("Reminder:", spanish.Content.Subject);
    }

    [Fact]
    public void WithoutWorkingLanguagesThePartysCorrespondenceLanguageIsUsed()
    {
        var review = New(_clock);
        _clock = new FakeTimeProvider(new DateTimeOffset(2020, 12, 2, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(UnLanguage.French, Due(review).First(n => n.Party == "FRA").Content.Language);
        Assert.Equal(UnLanguage.English, Due(review).First(n => n.Party == "DEU").Content.Language);
    }

    [Fact]
    public void EveryTemplateRendersInEverySixLanguage()
    {
        foreach (var language in UnLanguages.All)
        {
            foreach (var kind in new[] { NoticeKind.Reminder, NoticeKind.MissedDeadline })
            {
                foreach (var deadline in DeadlineKinds.All)
                {
                    var notice = NotificationTemplates.Render(kind, language, new NoticeModel("Ms X", "Germany", "Germany", "DEU-C1", 1, deadline, new DateOnly(2021, 1, 1), 3, "untoc.review@un.org"));
                    Assert.False(string.IsNullOrWhiteSpace(notice.Subject));
                    Assert.Contains("DEU-C1", notice.Body);
                    Assert.Equal(language is UnLanguage.French ? UnLanguage.French : UnLanguage.English, notice.Language);
                }
            }
        }
    }

    [Fact]
    public void ACompletedReviewHasNoNotices()
    {
        var review = New(_clock);
        NominateAll(review, _clock);
        review.RecordPreliminaryConsultation(Start, ["DEU"], [UnLanguage.English], false, "t", null, _clock.GetUtcNow(), "fp");
        review.RecordQuestionnaireSubmitted("DEU", _clock.GetUtcNow(), "fp", new ReviewTimelineOptions());
        review.RecordWrittenFeedback("FRA", _clock.GetUtcNow(), "fp", new ReviewTimelineOptions());
        review.RecordWrittenFeedback("BRA", _clock.GetUtcNow(), "fp", new ReviewTimelineOptions());
        review.RecordObservationsFinalized(_clock.GetUtcNow(), "s");
        _clock.Advance(TimeSpan.FromDays(1000));
        Assert.Empty(Due(review));
    }

    private IReadOnlyList<DueNotice> Due(CountryReview review) =>
        NotificationPlanner.DueAt(review, iso3 => _parties.GetValueOrDefault(iso3), _clock.GetUtcNow(), _options);
}
