using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using ReviewMechanism.Events.V1;
using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Groups;
using Reviews.Api.Domain.Notifications;

namespace Reviews.Api.IntegrationEvents;

/// <summary>
/// The integration events (reviews_events.proto) for what changed, to be stored in the outbox in the same
/// transaction as the change once the messaging library lands.
/// </summary>
public static class ReviewIntegrationEvents
{
    /// <summary>The events for a review's recorded changes (its <see cref="CountryReview.DomainEvents"/>).</summary>
    public static IEnumerable<IMessage> For(CountryReview review)
    {
        foreach (var change in review.DomainEvents)
        {
            switch (change)
            {
                case ReviewCreated created:
                    var opened = new CountryReviewOpened
                    {
                        CountryReviewId = review.Id,
                        PartyUnderReview = review.PartyUnderReview,
                        GroupNumber = review.GroupNumber,
                        Phase = review.Phase,
                        Cluster = review.Cluster,
                        StartDate = Midnight(review.StartDate),
                        OpenedAt = Timestamp.FromDateTimeOffset(created.At),
                    };
                    opened.Parties.AddRange(review.ActiveParticipants.Select(Entry));
                    yield return opened;
                    break;
                case ReviewStageChanged moved:
                    yield return new CountryReviewStageChanged
                    {
                        CountryReviewId = review.Id,
                        FromStage = StageName(moved.From),
                        ToStage = StageName(moved.To),
                        Trigger = moved.Trigger,
                        ChangedAt = Timestamp.FromDateTimeOffset(moved.At),
                    };
                    if (moved.From == ReviewStage.NominationsPending)
                    {
                        yield return new CountryReviewStarted { CountryReviewId = review.Id, StartedAt = Timestamp.FromDateTimeOffset(moved.At) };
                    }
                    break;
                case ReviewReviewersChanged changed:
                    var parties = new CountryReviewPartiesChanged { CountryReviewId = review.Id, ChangedAt = Timestamp.FromDateTimeOffset(changed.At) };
                    parties.Left.AddRange(changed.Left);
                    parties.Joined.AddRange(changed.Joined);
                    parties.Parties.AddRange(review.ActiveParticipants.Select(Entry));
                    yield return parties;
                    break;
                case ReviewLanguagesSet languages:
                    var agreed = new WorkingLanguagesAgreed
                    {
                        CountryReviewId = review.Id,
                        Exceptional = languages.Exceptional,
                        AgreedAt = Timestamp.FromDateTimeOffset(languages.At),
                    };
                    agreed.Languages.AddRange(languages.Languages.Select(l => l.Code()));
                    yield return agreed;
                    break;
                case ReviewDeadlineExtended extended:
                    yield return new DeadlineExtended
                    {
                        CountryReviewId = review.Id,
                        Deadline = DeadlineName(extended.Deadline),
                        IndicativeDate = Midnight(extended.Indicative),
                        NewDate = Midnight(extended.NewDate),
                        AgreedAt = Timestamp.FromDateTimeOffset(extended.At),
                    };
                    break;
            }
        }
    }

    public static CountryPairingsPublished PairingsPublished(int groupNumber, DrawRecord draw, IEnumerable<CountryPairing> pairings)
    {
        var message = new CountryPairingsPublished
        {
            GroupNumber = groupNumber,
            DrawId = draw.Id.ToString(),
            DrawKind = draw.Kind == DrawKind.Redraw ? "REDRAW" : "PAIRING",
            PublishedAt = Timestamp.FromDateTimeOffset(draw.RequestedAt),
            Seed = draw.Seed,
        };
        foreach (var pairing in pairings)
        {
            var entry = new PairingEntry
            {
                PartyUnderReview = pairing.PartyUnderReview,
                SameRegionReviewer = pairing.SameRegionReviewer,
                OtherRegionReviewer = pairing.OtherRegionReviewer,
            };
            foreach (var additional in pairing.AdditionalReviewers)
            {
                var a = new ReviewPartyEntry { Party = additional.Iso3, Role = "ADDITIONAL_REVIEWER" };
                a.Instruments.AddRange(additional.Instruments.Items().Select(i => Domain.Parties.Instruments.Code(i)));
                entry.AdditionalReviewers.Add(a);
            }
            message.Pairings.Add(entry);
        }
        return message;
    }

    public static ReviewPhaseLaunched PhaseLaunched(ReviewGroup group, GroupPhase phase, ConferenceDecision? decision) => new()
    {
        GroupNumber = group.Number,
        Phase = phase.Phase,
        Cluster = phase.Cluster,
        StartDate = Midnight(phase.StartDate),
        ReviewsForeseen = phase.ReviewsForeseen,
        ConferenceDecisionReference = decision?.Reference ?? "",
        LaunchedAt = Timestamp.FromDateTimeOffset(phase.LaunchedAt),
    };

    public static NotificationIssued Issued(SentNotification notification)
    {
        var message = new NotificationIssued
        {
            NotificationId = notification.Id.ToString(),
            Key = notification.Key,
            Kind = notification.Kind == NoticeKind.Reminder ? "REMINDER" : "MISSED_DEADLINE",
            CountryReviewId = notification.CountryReviewId,
            Deadline = DeadlineName(notification.Deadline),
            Party = notification.Party,
            RecipientPersonId = notification.RecipientPersonId ?? "",
            ToEmail = notification.ToEmail,
            Language = notification.Language.Code(),
            Subject = notification.Subject,
            Body = notification.Body,
            IssuedAt = Timestamp.FromDateTimeOffset(notification.CreatedAt),
        };
        message.CcEmails.AddRange(notification.CcEmails);
        return message;
    }

    public static DeadlineMissed Missed(SentNotification notification) => new()
    {
        CountryReviewId = notification.CountryReviewId,
        Deadline = DeadlineName(notification.Deadline),
        Party = notification.Party,
        DueDate = Midnight(notification.DueDate),
        DetectedAt = Timestamp.FromDateTimeOffset(notification.CreatedAt),
    };

    public static string StageName(ReviewStage stage) => stage switch
    {
        ReviewStage.NominationsPending => "NOMINATIONS_PENDING",
        ReviewStage.PreliminaryConsultation => "PRELIMINARY_CONSULTATION",
        ReviewStage.SelfAssessmentQuestionnaire => "SELF_ASSESSMENT_QUESTIONNAIRE",
        ReviewStage.WrittenFeedback => "WRITTEN_FEEDBACK",
        ReviewStage.ListOfObservationsAndSummary => "LIST_OF_OBSERVATIONS_AND_SUMMARY",
        _ => "COMPLETED",
    };

    public static string DeadlineName(DeadlineKind kind) => kind switch
    {
        DeadlineKind.FocalPointNomination => "FOCAL_POINT_NOMINATION",
        DeadlineKind.ExpertNomination => "EXPERT_NOMINATION",
        DeadlineKind.PreliminaryConsultation => "PRELIMINARY_CONSULTATION",
        DeadlineKind.SelfAssessmentQuestionnaire => "SELF_ASSESSMENT_QUESTIONNAIRE",
        DeadlineKind.WrittenFeedback => "WRITTEN_FEEDBACK",
        _ => "LIST_OF_OBSERVATIONS",
    };

    private static ReviewPartyEntry Entry(ReviewParticipant participant)
    {
        var entry = new ReviewPartyEntry
        {
            Party = participant.Iso3,
            Role = participant.Role switch
            {
                ReviewRole.PartyUnderReview => "PARTY_UNDER_REVIEW",
                ReviewRole.SameRegionReviewer => "SAME_REGION_REVIEWER",
                ReviewRole.OtherRegionReviewer => "OTHER_REGION_REVIEWER",
                _ => "ADDITIONAL_REVIEWER",
            },
        };
        entry.Instruments.AddRange(participant.Instruments.Items().Select(i => Domain.Parties.Instruments.Code(i)));
        return entry;
    }

    private static Timestamp Midnight(DateOnly date) =>
        Timestamp.FromDateTimeOffset(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
}
