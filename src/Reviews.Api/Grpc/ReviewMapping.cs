using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Groups;
using Reviews.Api.Domain.Phases;
using Pb = ReviewMechanism.Reviews.V1;

namespace Reviews.Api.Grpc;

internal static class ReviewMapping
{
    public static Pb.CountryReview ToProto(this CountryReview review, ReviewBlocker? blocker)
    {
        var message = new Pb.CountryReview
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
            Blocker = blocker?.ToProto(),
        };
        foreach (var participant in review.Participants)
        {
            var p = new Pb.ReviewParticipant
            {
                Iso3 = participant.Iso3,
                Role = participant.Role.ToProto(),
                CompletesSlot = participant.CompletesSlot is { } slot ? slot.ToProto() : Pb.ReviewerSlot.Unspecified,
                FocalPointMissingSince = participant.FocalPointMissingSince.ToProto(),
                ExpertsNominated = participant.ExpertNominationIds.Count,
                FeedbackSubmittedAt = participant.FeedbackSubmittedAt.ToProto(),
                JoinedAt = participant.JoinedAt.ToProto(),
                LeftAt = participant.LeftAt.ToProto(),
            };
            p.Instruments.AddRange(participant.Instruments.ToProto());
            if (participant.FocalPoint is { } fp)
            {
                p.FocalPoint = new Pb.FocalPoint { PersonId = fp.PersonId, NominationId = fp.NominationId, FullName = fp.FullName, Email = fp.Email, Since = fp.Since.ToProto() };
            }
            message.Participants.Add(p);
        }
        foreach (var deadline in review.Deadlines)
        {
            var d = new Pb.Deadline
            {
                Kind = deadline.Kind.ToProto(),
                Indicative = deadline.Indicative.ToProto(),
                Effective = deadline.Effective.ToProto(),
                MetAt = deadline.MetAt.ToProto(),
            };
            foreach (var extension in deadline.Extensions)
            {
                var e = new Pb.DeadlineExtension
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
            var c = new Pb.PreliminaryConsultation
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
        message.History.AddRange(review.History.Select(h => new Pb.StageTransition
        {
            From = h.From.ToProto(),
            To = h.To.ToProto(),
            At = h.At.ToProto(),
            Trigger = h.Trigger,
            By = h.By,
        }));
        return message;
    }

    public static Pb.Blocker ToProto(this ReviewBlocker blocker)
    {
        var message = new Pb.Blocker
        {
            Kind = blocker.Kind.ToProto(),
            Since = blocker.Since.ToProto(),
            Days = blocker.Days,
            Description = blocker.Description,
        };
        message.Parties.AddRange(blocker.Parties);
        return message;
    }

    public static Pb.ConferenceDecision ToProto(this ConferenceDecision decision, int groupNumber) => new()
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

    public static Pb.PhaseProgress ToProto(this PhaseProgress progress)
    {
        var message = new Pb.PhaseProgress
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
        message.ReviewsByStage.AddRange(progress.ReviewsByStage.OrderBy(s => s.Key).Select(s => new Pb.StageCount { Stage = s.Key.ToProto(), Reviews = s.Value }));
        return message;
    }
}
