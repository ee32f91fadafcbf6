using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Groups;
using Reviews.Api.Domain.Phases;
using V1 = ReviewMechanism.Reviews.V1;

namespace Reviews.Api.Grpc;

internal static class ReviewMapping
{
    public static V1.CountryReview ToProto(this CountryReview review, ReviewBlocker? blocker, Func<string, string> partyName)
    {
        var message = new V1.CountryReview
        {
            Id = review.Id,
            PartyUnderReview = review.PartyUnderReview,
            GroupNumber = review.GroupNumber,
            Phase = review.Phase,
            Cluster = review.Cluster,
            StartDate = review.StartDate.ToProto(),
            Stage = review.Stage.ToProto(),
            StageEnteredAt = review.StageEnteredAt.ToProto(),
            LanguagesExceptional = review.LanguagesExceptional,
            QuestionnaireSubmittedAt = review.QuestionnaireSubmittedAt.ToProto(),
            ObservationsFinalizedAt = review.ObservationsFinalizedAt.ToProto(),
            Blocker = blocker?.ToProto(blocker.Describe(review.Id, partyName)),
        };
        foreach (var participant in review.Participants)
        {
            var p = new V1.ReviewParticipant
            {
                Iso3 = participant.Iso3,
                Role = participant.Role.ToProto(),
                CompletesSlot = participant.CompletesSlot is { } slot ? slot.ToProto() : V1.ReviewerSlot.Unspecified,
                FocalPointMissingSince = participant.FocalPointMissingSince.ToProto(),
                ExpertsNominated = participant.ExpertNominationIds.Count,
                FeedbackSubmittedAt = participant.FeedbackSubmittedAt.ToProto(),
                JoinedAt = participant.JoinedAt.ToProto(),
                LeftAt = participant.LeftAt.ToProto(),
            };
            p.Instruments.AddRange(participant.Instruments.ToProto());
            if (participant.FocalPoint is { } fp)
            {
                p.FocalPoint = new V1.FocalPoint { PersonId = fp.PersonId, NominationId = fp.NominationId, FullName = fp.FullName, Email = fp.Email, Since = fp.Since.ToProto() };
            }
            message.Participants.Add(p);
        }
        foreach (var deadline in review.Deadlines)
        {
            var d = new V1.Deadline
            {
                Kind = deadline.Kind.ToProto(),
                Indicative = deadline.Indicative.ToProto(),
                Effective = deadline.Effective.ToProto(),
                MetAt = deadline.MetAt.ToProto(),
            };
            foreach (var extension in deadline.Extensions)
            {
                var e = new V1.DeadlineExtension
                {
                    NewDate = extension.NewDate.ToProto(),
                    PreviousDate = extension.PreviousDate.ToProto(),
                    AgreedBy = extension.AgreedBy,
                    AgreedAt = extension.AgreedAt.ToProto(),
                    Reason = extension.Reason,
                };
                e.AgreedByParties.AddRange(extension.AgreedByParties);
                d.Extensions.Add(e);
            }
            message.Deadlines.Add(d);
        }
        message.Languages.AddRange(review.Languages.Select(l => l.ToProto()));
        if (review.PreliminaryConsultation is { } consultation)
        {
            var c = new V1.PreliminaryConsultation
            {
                HeldOn = consultation.HeldOn.ToProto(),
                AgreedTimeFrames = consultation.AgreedTimeFrames,
                Notes = consultation.Notes ?? "",
                RecordedBy = consultation.RecordedBy,
                RecordedAt = consultation.RecordedAt.ToProto(),
            };
            c.Participants.AddRange(consultation.Participants);
            message.PreliminaryConsultation = c;
        }
        message.History.AddRange(review.History.Select(h => new V1.StageTransition
        {
            From = h.From.ToProto(),
            To = h.To.ToProto(),
            At = h.At.ToProto(),
            Trigger = h.Trigger,
            By = h.By,
        }));
        return message;
    }

    public static V1.Blocker ToProto(this ReviewBlocker blocker, string description)
    {
        var message = new V1.Blocker
        {
            Kind = blocker.Kind.ToProto(),
            Since = blocker.Since.ToProto(),
            Days = blocker.Days,
            Description = description,
        };
        message.Parties.AddRange(blocker.Parties);
        return message;
    }

    public static V1.ConferenceDecision ToProto(this ConferenceDecision decision, int groupNumber) => new()
    {
        Id = decision.Id.ToString(),
        GroupNumber = groupNumber,
        FromPhase = decision.FromPhase,
        Outcome = decision.Outcome.ToProto(),
        Reference = decision.Reference,
        DecidedOn = decision.DecidedOn.ToProto(),
        Notes = decision.Notes ?? "",
        RecordedBy = decision.RecordedBy,
        RecordedAt = decision.RecordedAt.ToProto(),
    };

    public static V1.PhaseProgress ToProto(this PhaseProgress progress)
    {
        var message = new V1.PhaseProgress
        {
            GroupNumber = progress.GroupNumber,
            Phase = progress.Phase,
            Cluster = progress.Cluster,
            ReviewsForeseen = progress.ReviewsForeseen,
            ReviewsCompleted = progress.ReviewsCompleted,
            CompletedShare = progress.CompletedShare,
            Threshold = progress.Threshold,
            ThresholdMet = progress.ThresholdMet,
            Decision = progress.Decision?.ToProto(progress.GroupNumber),
            MayAdvance = progress.MayAdvance,
            IsLastPhase = progress.IsLastPhase,
            Explanation = progress.Explanation,
        };
        message.ReviewsByStage.AddRange(progress.ReviewsByStage.OrderBy(s => s.Key).Select(s => new V1.StageCount { Stage = s.Key.ToProto(), Reviews = s.Value }));
        return message;
    }
}
