using Engagement.Api.Domain.Applications;
using Engagement.Api.Domain.Dialogues;
using Engagement.Api.Domain.Trainings;
using Google.Protobuf.WellKnownTypes;
using V1 = ReviewMechanism.Engagement.V1;

namespace Engagement.Api.Grpc;

/// <summary>Domain values to reply messages (enum numbers are the same on both sides: see ContractMappingTests).</summary>
public static class Replies
{
    public static V1.Dialogue Dialogue(ConstructiveDialogue d, int waitlisted, int awaiting, DateTimeOffset now)
    {
        var reply = new V1.Dialogue
        {
            Id = d.Id.ToString(),
            Topic = (V1.DialogueTopic)(int)d.Topic,
            Session = d.Session,
            Title = d.Title,
            HeldOn = d.HeldOn.ToString("yyyy-MM-dd"),
            Venue = (V1.Venue)(int)d.Venue,
            InPersonCapacity = d.InPersonCapacity,
            OnlineCapacity = d.OnlineCapacity,
            LastDayToApply = d.LastDayToApply.ToString("yyyy-MM-dd"),
            TimeZone = d.TimeZoneId,
            ApplicationsCloseAt = Timestamp.FromDateTimeOffset(d.Deadline.ClosesAt),
            AutomaticApproval = d.AutomaticApproval,
            ApprovedInPerson = d.ApprovedInPerson,
            ApprovedOnline = d.ApprovedOnline,
            Waitlisted = waitlisted,
            AwaitingDecision = awaiting,
            ApplicationsOpen = d.IsOpen(now),
            Version = d.Version,
        };
        reply.ApplyingCategories.AddRange(d.ApplyingCategories.Select(c => (V1.StakeholderCategory)(int)c));
        reply.AttendingCategories.AddRange(d.AttendingCategories.Select(c => (V1.StakeholderCategory)(int)c));
        if (d.ChairSummary is { } summary)
        {
            reply.ChairSummary = new V1.ChairSummary
            {
                Url = summary.Url,
                NextSession = summary.NextSession,
                NextDialogueId = summary.NextDialogueId?.ToString() ?? "",
                PublishedAt = Timestamp.FromDateTimeOffset(summary.PublishedAt),
            };
        }
        return reply;
    }

    public static V1.Application Application(DialogueApplication a, int waitlistPosition) => new()
    {
        Id = a.Id.ToString(),
        Reference = a.Reference,
        DialogueId = a.DialogueId.ToString(),
        Organization = new V1.Organization
        {
            Name = a.Organization.Name,
            Category = (V1.StakeholderCategory)(int)a.Organization.Category,
            Country = a.Organization.Country,
            Website = a.Organization.Website ?? "",
            GrassrootsOrVictimLed = a.Organization.GrassrootsOrVictimLed,
        },
        Contact = new V1.ContactPerson { FullName = a.ContactName, Email = a.ContactEmail },
        Expertise = a.Expertise,
        RequestedMode = (V1.ParticipationMode)(int)a.RequestedMode,
        TravelSupportRequested = a.TravelSupportRequested,
        Status = (V1.ApplicationStatus)(int)a.Status,
        WaitlistPosition = waitlistPosition,
        ExpertiseAssessment = (V1.ExpertiseAssessment)(int)a.ExpertiseAssessment,
        Attendance = (V1.Attendance)(int)a.Attendance,
        SubmittedAt = Timestamp.FromDateTimeOffset(a.SubmittedAt),
        VerifiedAt = a.VerifiedAt is { } verified ? Timestamp.FromDateTimeOffset(verified) : null,
        DecidedAt = a.DecidedAt is { } decided ? Timestamp.FromDateTimeOffset(decided) : null,
        ArrivalNumber = a.ArrivalNumber ?? 0,
        Version = a.Version,
    };

    public static V1.Training Training(Training t, int registered, int completed)
    {
        var reply = new V1.Training
        {
            Id = t.Id.ToString(),
            Kind = (V1.TrainingKind)(int)t.Kind,
            Title = t.Title,
            Description = t.Description,
            StartsOn = t.StartsOn.ToString("yyyy-MM-dd"),
            EndsOn = t.EndsOn.ToString("yyyy-MM-dd"),
            WorkloadHours = t.WorkloadHours,
            LastDayToRegister = t.LastDayToRegister.ToString("yyyy-MM-dd"),
            TimeZone = t.TimeZoneId,
            RegistrationClosesAt = Timestamp.FromDateTimeOffset(t.Deadline.ClosesAt),
            Registered = registered,
            Completed = completed,
        };
        reply.Languages.AddRange(t.Languages);
        return reply;
    }

    public static V1.TrainingRegistration Registration(TrainingRegistration r) => new()
    {
        Id = r.Id.ToString(),
        TrainingId = r.TrainingId.ToString(),
        FullName = r.FullName,
        Email = r.Email,
        Organization = r.Organization,
        OrganizationCategory = (V1.StakeholderCategory)(int)r.OrganizationCategory,
        Country = r.Country,
        Language = r.Language,
        NominatingOrganization = r.NominatingOrganization ?? "",
        Status = (V1.RegistrationStatus)(int)r.Status,
        RegisteredAt = Timestamp.FromDateTimeOffset(r.RegisteredAt),
        CompletedAt = r.CompletedAt is { } completed ? Timestamp.FromDateTimeOffset(completed) : null,
    };
}
