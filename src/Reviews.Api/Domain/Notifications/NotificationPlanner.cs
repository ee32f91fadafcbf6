using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Parties;

namespace Reviews.Api.Domain.Notifications;

/// <summary>
/// Which reminders and missed-deadline notices of a review are due at a given time: for each open deadline of
/// the current stage and each party still expected to act, the latest notice point reached (a later reminder
/// supersedes an earlier one not yet sent, a missed notice supersedes the reminders). Addressed to the party's
/// focal point with its Permanent Mission in copy (to the mission alone while no focal point exists).
/// </summary>
public static class NotificationPlanner
{
    public static IReadOnlyList<DueNotice> DueAt(
        CountryReview review, Func<string, Party?> partyOf, DateTimeOffset now, NotificationOptions options)
    {
        var notices = new List<DueNotice>();
        if (review.Stage == ReviewStage.Completed || !review.HasStarted(now))
        {
            return notices;
        }
        foreach (var deadline in review.Deadlines.Where(d => !d.IsMet))
        {
            var point = LatestPointReached(deadline, now, options);
            if (point is null)
            {
                continue;
            }
            foreach (var participant in ExpectedToAct(review, deadline.Kind))
            {
                var party = partyOf(participant.Iso3);
                var recipients = Recipients(participant, party);
                if (recipients is null)
                {
                    continue;
                }
                var (to, cc) = recipients.Value;
                var wanted = review.Languages.Count > 0 ? review.Languages[0] : party?.CorrespondenceLanguage ?? UnLanguage.English;
                var days = point.Value.Kind == NoticeKind.Reminder
                    ? deadline.Effective.DayNumber - DateOnly.FromDateTime(now.UtcDateTime).DayNumber
                    : DateOnly.FromDateTime(now.UtcDateTime).DayNumber - deadline.Effective.DayNumber;
                var model = new NoticeModel(
                    to.Name, party?.Name ?? participant.Iso3, partyOf(review.PartyUnderReview)?.Name ?? review.PartyUnderReview,
                    review.Id, review.Cluster, deadline.Kind, deadline.Effective, Math.Max(days, 0), options.SecretariatEmail);
                var key = $"{review.Id}/{deadline.Kind}/{deadline.Effective:yyyyMMdd}/{participant.Iso3}/{to.Key}/{point.Value.Kind}{point.Value.Offset}";
                notices.Add(new DueNotice(
                    key, point.Value.Kind, point.Value.Offset, review.Id, deadline.Kind, deadline.Effective, participant.Iso3,
                    to, cc, wanted, point.Value.At, NotificationTemplates.Render(point.Value.Kind, wanted, model)));
            }
        }
        return notices;
    }

    /// <summary>The parties that still have to act on a deadline, for the deadlines of the current stage.</summary>
    public static IEnumerable<ReviewParticipant> ExpectedToAct(CountryReview review, DeadlineKind kind)
    {
        var active = review.ActiveParticipants;
        return kind switch
        {
            DeadlineKind.FocalPointNomination => active.Where(p => p.FocalPoint is null),
            DeadlineKind.ExpertNomination => active.Where(p => p.ExpertNominationIds.Count == 0),
            DeadlineKind.PreliminaryConsultation when review.Stage == ReviewStage.PreliminaryConsultation => active.Where(p => p.Role == ReviewRole.PartyUnderReview),
            DeadlineKind.SelfAssessmentQuestionnaire when review.Stage == ReviewStage.SelfAssessmentQuestionnaire => active.Where(p => p.Role == ReviewRole.PartyUnderReview),
            DeadlineKind.WrittenFeedback when review.Stage == ReviewStage.WrittenFeedback => active.Where(p => p.IsReviewer && p.FeedbackSubmittedAt is null),
            DeadlineKind.ListOfObservations when review.Stage == ReviewStage.ListOfObservationsAndSummary => active,
            _ => [],
        };
    }

    /// <summary>The latest reminder or missed-deadline point at or before <paramref name="now"/>.</summary>
    private static (NoticeKind Kind, int Offset, DateTimeOffset At)? LatestPointReached(ReviewDeadline deadline, DateTimeOffset now, NotificationOptions options)
    {
        var dueDay = new DateTimeOffset(deadline.Effective.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var points = options.ReminderDaysBefore.Where(d => d >= 0).Distinct().Select(d => (NoticeKind.Reminder, d, dueDay.AddDays(-d)))
            .Concat(options.MissedNoticeDaysAfter.Where(d => d >= 0).Distinct().Select(d => (NoticeKind.MissedDeadline, d, deadline.PassesAt.AddDays(d))))
            .Where(p => p.Item3 <= now)
            .OrderBy(p => p.Item3)
            .ToList();
        return points.Count == 0 ? null : points[^1];
    }

    private static (NoticeRecipient To, IReadOnlyList<NoticeRecipient> Cc)? Recipients(ReviewParticipant participant, Party? party)
    {
        var mission = party?.PermanentMissionEmail is { } email
            ? new NoticeRecipient(RecipientRole.PermanentMission, participant.Iso3, null, $"Permanent Mission of {party.Name}", email)
            : null;
        if (participant.FocalPoint is { } fp)
        {
            var to = new NoticeRecipient(RecipientRole.FocalPoint, participant.Iso3, fp.PersonId, fp.FullName, fp.Email);
            return (to, mission is null ? [] : [mission]);
        }
        return mission is null ? null : (mission, []);
    }
}
