using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Groups;
using Reviews.Api.Domain.Phases;
using V1 = ReviewMechanism.Reviews.V1;

namespace Reviews.Api.Grpc;

internal static class DrawMapping
{
    public static V1.CountryPairing ToProto(this CountryPairing pairing, int redrawCount = 0)
    {
        var message = new V1.CountryPairing
        {
            PartyUnderReview = pairing.PartyUnderReview,
            SameRegionReviewer = pairing.SameRegionReviewer,
            OtherRegionReviewer = pairing.OtherRegionReviewer,
            RedrawCount = redrawCount,
        };
        message.AdditionalReviewers.AddRange(pairing.AdditionalReviewers.Select(ToProto));
        return message;
    }

    public static V1.AdditionalReviewer ToProto(this AdditionalReviewer reviewer)
    {
        var message = new V1.AdditionalReviewer { Iso3 = reviewer.Iso3, ForSlot = reviewer.ForSlot.ToProto() };
        message.Instruments.AddRange(reviewer.Instruments.ToProto());
        return message;
    }

    public static V1.ReviewGroup ToProto(this ReviewGroup group, PhaseOptions phases)
    {
        var message = new V1.ReviewGroup
        {
            Number = group.Number,
            StartDate = group.StartDate.ToProto(),
            CurrentPhase = group.CurrentPhase,
            CurrentCluster = group.CurrentPhase == 0 ? 0 : PhasePlanner.ClusterOf(group.CurrentPhase, phases),
            SplitDrawId = group.SplitDrawId.ToString(),
            PairingDrawId = group.PairingDrawId?.ToString() ?? "",
        };
        message.PartiesUnderReview.AddRange(group.Parties);
        return message;
    }

    public static V1.DrawSummary ToSummary(this DrawRecord record) => new()
    {
        Id = record.Id.ToString(),
        Kind = record.Kind.ToProto(),
        GroupNumber = record.GroupNumber ?? 0,
        PartyUnderReview = record.PartyUnderReview ?? "",
        RequestedBy = record.RequestedBy,
        RequestingParty = record.RequestingParty ?? "",
        RequestedAt = record.RequestedAt.ToProto(),
        Seed = record.Seed,
    };

    public static V1.DrawRecord ToProto(this DrawRecord record)
    {
        var message = new V1.DrawRecord
        {
            Id = record.Id.ToString(),
            Kind = record.Kind.ToProto(),
            GroupNumber = record.GroupNumber ?? 0,
            PartyUnderReview = record.PartyUnderReview ?? "",
            RequestedBy = record.RequestedBy,
            RequestingParty = record.RequestingParty ?? "",
            Reason = record.Reason ?? "",
            RequestedAt = record.RequestedAt.ToProto(),
            Seed = record.Seed,
            Inputs = new V1.DrawInputs(),
        };
        message.Constraints.AddRange(record.Constraints);
        if (record.SplitInputs is { } split)
        {
            message.Inputs.Participants.AddRange(split.Participants);
            message.Inputs.GroupCount = split.GroupCount;
        }
        foreach (var group in record.SplitOutcome?.Groups ?? [])
        {
            var members = new V1.GroupMembers();
            members.Parties.AddRange(group);
            message.Groups.Add(members);
        }
        if (record.PairingInputs is { } inputs)
        {
            message.Inputs.AsOf = inputs.AsOf.ToProto();
            foreach (var candidate in inputs.Candidates)
            {
                var c = new V1.DrawCandidate { Iso3 = candidate.Iso3, RegionalGroup = candidate.Group.ToProto() };
                c.Instruments.AddRange(candidate.Instruments.ToProto());
                message.Inputs.Candidates.Add(c);
            }
            message.Inputs.PartiesUnderReview.AddRange(inputs.PartiesUnderReview);
            message.Inputs.FixedLoads.AddRange(inputs.FixedLoads.Select(l => new V1.ReviewerLoad { Iso3 = l.Iso3, Reviews = l.Reviews }));
            if (inputs.Redraw is { } redraw)
            {
                var scope = new V1.RedrawScope { PartyUnderReview = redraw.PartyUnderReview };
                scope.Slots.AddRange(redraw.Slots.Select(s => s.ToProto()));
                scope.KeptReviewers.AddRange(redraw.KeptReviewers);
                scope.Excluded.AddRange(redraw.Excluded);
                message.Inputs.Redraw = scope;
            }
            var rules = new V1.DrawRules
            {
                WorkloadCap = inputs.Rules.WorkloadCap,
                AdditionalReviewerKeepsSlotRegion = inputs.Rules.AdditionalReviewerKeepsSlotRegion,
                MaxSearchSteps = inputs.Rules.MaxSearchSteps,
            };
            foreach (var affinity in inputs.Rules.Affinities)
            {
                var rule = new V1.AffinityRule { Iso3 = affinity.Iso3 };
                rule.Groups.AddRange(affinity.Groups.Select(g => g.ToProto()));
                rules.Affinities.Add(rule);
            }
            message.Inputs.Rules = rules;
        }
        if (record.PairingOutcome is { } outcome)
        {
            message.SearchSteps = outcome.SearchSteps;
            message.Places.AddRange(outcome.Places.Select(p => new V1.DrawnPlace
            {
                PartyUnderReview = p.PartyUnderReview,
                Slot = p.Slot.ToProto(),
                Reviewer = p.Reviewer,
                Additional = p.Additional?.ToProto(),
            }));
            foreach (var audit in outcome.Audit)
            {
                var a = new V1.SlotAudit
                {
                    Order = audit.Order,
                    PartyUnderReview = audit.PartyUnderReview,
                    Slot = audit.Slot.ToProto(),
                    Additional = audit.Additional,
                    Drawn = audit.Drawn,
                    EligibleCount = audit.EligibleCount,
                };
                a.Instruments.AddRange(audit.Instruments.ToProto());
                foreach (var exclusion in audit.Excluded)
                {
                    var e = new V1.CandidateExclusion { Reason = exclusion.Reason };
                    e.Parties.AddRange(exclusion.Parties);
                    a.Excluded.Add(e);
                }
                message.Audit.Add(a);
            }
        }
        return message;
    }
}
