using Google.Protobuf.WellKnownTypes;
using Nominations.Api.Domain;
using Nominations.Api.Domain.Reports;
using Nominations.Api.Domain.Reviews;
using Nominations.Api.IntegrationEvents;
using ReviewMechanism.ServiceDefaults.Authorization;
using Ev = ReviewMechanism.Events.V1;
using V1 = ReviewMechanism.Nominations.V1;

namespace Nominations.Api.Grpc;

/// <summary>Domain to proto. Contact details are copied only when the viewer may see them.</summary>
public static class ProtoMapper
{
    public static V1.Nomination Nomination(Nomination n, Caller viewer)
    {
        var message = new V1.Nomination
        {
            NominationId = n.Id.ToString(),
            Party = n.Party,
            Role = NominationsIntegrationEvents.Role(n.Role),
            Scope = NominationsIntegrationEvents.Scope(n.Scope),
            PersonId = n.PersonId.ToString(),
            FullName = n.Person.FullName,
            Title = n.Person.Title,
            Gender = Gender(n.Person.Gender),
            Affiliation = n.Person.Affiliation,
            Status = n.Status switch
            {
                NominationStatus.Active => V1.NominationStatus.Active,
                NominationStatus.Substituted => V1.NominationStatus.Substituted,
                _ => V1.NominationStatus.Withdrawn,
            },
            EffectiveFrom = Timestamp.FromDateTimeOffset(n.EffectiveFrom),
            EndReason = n.EndReason ?? "",
            PredecessorNominationId = n.PredecessorId?.ToString() ?? "",
            SuccessorNominationId = n.SuccessorId?.ToString() ?? "",
            NominatedBy = n.NominatedBy,
            EndedBy = n.EndedBy ?? "",
        };
        if (n.EffectiveUntil is { } until)
        {
            message.EffectiveUntil = Timestamp.FromDateTimeOffset(until);
        }
        if (viewer.MaySeeContactDetails())
        {
            message.Contact = new V1.ContactDetails { Email = n.Person.Email, Phone = n.Person.Phone };
        }
        return message;
    }

    public static V1.NominationTask Task(NominationTask t)
    {
        var message = new V1.NominationTask
        {
            TaskId = t.Id.ToString(),
            Party = t.Party,
            NominationId = t.NominationId?.ToString() ?? "",
            Title = t.Title,
            Description = t.Description,
            CountryReviewId = t.CountryReviewId ?? "",
            Status = t.IsOpen ? V1.TaskStatus.Open : V1.TaskStatus.Completed,
            CreatedAt = Timestamp.FromDateTimeOffset(t.CreatedAt),
            CreatedBy = t.CreatedBy,
            CompletedBy = t.CompletedBy ?? "",
        };
        if (t.DueAt is { } due)
        {
            message.DueAt = Timestamp.FromDateTimeOffset(due);
        }
        if (t.CompletedAt is { } completed)
        {
            message.CompletedAt = Timestamp.FromDateTimeOffset(completed);
        }
        return message;
    }

    public static V1.Handover Handover(Handover h)
    {
        var message = new V1.Handover
        {
            HandoverId = h.Id.ToString(),
            Party = h.Party,
            Role = NominationsIntegrationEvents.Role(h.Role),
            Scope = NominationsIntegrationEvents.Scope(h.Scope),
            FromNominationId = h.FromNominationId?.ToString() ?? "",
            ToNominationId = h.ToNominationId.ToString(),
            Reason = h.Reason,
            HandedOverAt = Timestamp.FromDateTimeOffset(h.HandedOverAt),
            RecordedBy = h.RecordedBy,
        };
        message.Items.Add(h.Items.Select(i => new V1.HandoverItem
        {
            TaskId = i.TaskId.ToString(),
            Title = i.Title,
            FromNominationId = i.FromNominationId?.ToString() ?? "",
        }));
        return message;
    }

    public static V1.CountryProfile CountryProfile(CountryProfile profile)
    {
        var message = new V1.CountryProfile { Party = profile.Party, PartyName = profile.PartyName };
        message.FocalPoints.Add(profile.FocalPoints.Select(f =>
        {
            var item = new V1.FocalPointProfile
            {
                FullName = f.FullName,
                Title = f.Title,
                Affiliation = f.Affiliation,
                Party = f.Party,
                Role = NominationsIntegrationEvents.Role(f.Role),
                Scope = NominationsIntegrationEvents.Scope(f.Scope),
                Since = Timestamp.FromDateTimeOffset(f.Since),
            };
            if (f.Contact is { } contact)
            {
                item.Contact = new V1.ContactDetails { Email = contact.Email, Phone = contact.Phone };
            }
            return item;
        }));
        return message;
    }

    public static V1.MissingNomination Missing(MissingNomination m) => new()
    {
        CountryReviewId = m.CountryReviewId,
        Party = m.Party,
        Participation = m.Participation == Participation.UnderReview ? V1.Participation.UnderReview : V1.Participation.Reviewer,
        Role = NominationsIntegrationEvents.Role(m.Role),
        ReviewStartedAt = Timestamp.FromDateTimeOffset(m.ReviewStartedAt),
        DueAt = Timestamp.FromDateTimeOffset(m.DueAt),
        MissingSince = Timestamp.FromDateTimeOffset(m.MissingSince),
        DaysMissing = m.DaysMissing,
        Overdue = m.Overdue,
        DaysOverdue = m.DaysOverdue,
    };

    public static V1.NominationStatistics Statistics(NominationStatistics s)
    {
        var message = new V1.NominationStatistics
        {
            PartiesWithFocalPoint = s.PartiesWithFocalPoint,
            PartiesThatChangedFocalPoint = s.PartiesThatChangedFocalPoint,
            FocalPointSubstitutions = s.FocalPointSubstitutions,
        };
        message.ByRoleAndGender.Add(s.ByRoleAndGender.Select(c => new V1.RoleGenderCount
        {
            Role = NominationsIntegrationEvents.Role(c.Role),
            Gender = Gender(c.Gender),
            Count = c.Count,
        }));
        return message;
    }

    public static V1.Gender Gender(Gender gender) => gender switch
    {
        Domain.Gender.Female => V1.Gender.Female,
        Domain.Gender.Male => V1.Gender.Male,
        _ => V1.Gender.NotInformed,
    };

    public static Ev.NominationRole Role(NominationRole role) => NominationsIntegrationEvents.Role(role);
}
